package dev.shipshape.scorecard;

import java.time.Instant;

/**
 * A binary rule: its CEL expression yields {@code true} (pass) or {@code false} (fail).
 *
 * @param key slug, unique within its scorecard
 * @param title short human title
 * @param description why the rule exists, may be {@code null}
 * @param level key of the level the rule belongs to
 * @param expression CEL expression over {@code service}, {@code release}, {@code owner} and
 *     {@code now}; it must have type {@code bool}
 * @param remediation what to do when the rule fails, may be {@code null}
 * @param effectiveFrom from when the rule counts; before it the rule is {@link Outcome#UPCOMING};
 *     {@code null} means always
 */
public record Rule(String key, String title, String description, String level, String expression,
		String remediation, Instant effectiveFrom) {

	/** Whether the rule is not yet in force at {@code now}. */
	public boolean isUpcomingAt(Instant now) {
		return effectiveFrom != null && now.isBefore(effectiveFrom);
	}

}
