package dev.shipshape.catalog;

import java.time.Instant;

/** One fact of a service: its JSON value, when it was last reported and by whom. */
public record Fact(String name, Object value, Instant reportedAt, String reportedBy) {
}
