package dev.shipshape.catalog;

import java.time.Instant;
import java.util.List;

public record TeamDetails(String name, String displayName, String email, String chatChannel, String description,
		String parent, List<String> children, List<PersonSummary> members, List<ServiceSummary> services, long version,
		Instant updatedAt) {

	public String label() {
		return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName : this.name;
	}
}
