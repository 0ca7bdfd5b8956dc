package dev.shipshape.catalog;

import java.time.Instant;
import java.util.List;

public record PersonDetails(String name, String displayName, String email, String chat, List<String> teams,
		List<ServiceSummary> ownedServices, long version, Instant updatedAt) {
}
