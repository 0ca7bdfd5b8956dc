package dev.shipshape.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A service with everything rules read about it, including its facts, loaded in bulk for
 * evaluations. {@code links} hold the first link of each type; {@code owner} is null when unowned.
 */
public record ServiceSnapshot(String name, String title, String description, Owner owner, Integer tier,
		String lifecycle, String system, List<String> tags, Map<LinkType, String> links, Map<String, Object> facts,
		Instant updatedAt) {

	/** The lower-case name under which the service is unique. */
	public String key() {
		return CatalogNames.key(this.name);
	}
}
