package dev.shipshape.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Everything the catalog knows about a service. {@code owner} is null for an unowned service;
 * {@code ownerMembers} are the people of the owning team.
 */
public record ServiceDetails(String name, String title, String description, Owner owner, Integer tier,
		String lifecycle, String system, List<String> tags, List<Link> links, List<ServiceSummary> dependsOn,
		List<ServiceSummary> dependents, List<PersonSummary> ownerMembers, long version, Instant createdAt,
		Instant updatedAt) {

	public Optional<Link> link(LinkType type) {
		return this.links.stream().filter((link) -> link.type() == type).findFirst();
	}

	@JsonIgnore
	public boolean isUnowned() {
		return this.owner == null;
	}
}
