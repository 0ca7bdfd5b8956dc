package dev.shipshape.catalog.importing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a service that a descriptor writes. {@code owner} is canonical: a team's name key
 * ({@code team-a}), {@code user:} and a person's name key, or the reference as written when it
 * can never name a catalog entry; {@code tags} and {@code dependsOn} (name keys) are sorted.
 */
record ServiceValues(String name, String title, String description, String owner, Integer tier, String lifecycle,
		String system, List<String> tags, List<LinkValue> links, List<String> dependsOn) {

	ServiceValues {
		tags = List.copyOf(tags);
		links = List.copyOf(links);
		dependsOn = List.copyOf(dependsOn);
	}

	Map<String, String> fields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", this.name);
		fields.put("title", this.title);
		fields.put("description", this.description);
		fields.put("owner", this.owner);
		fields.put("tier", (this.tier != null) ? this.tier.toString() : null);
		fields.put("lifecycle", this.lifecycle);
		fields.put("system", this.system);
		fields.put("tags", ImportedValues.join(this.tags));
		fields.put("links", ImportedValues.join(this.links));
		fields.put("dependsOn", ImportedValues.join(this.dependsOn));
		return fields;
	}
}
