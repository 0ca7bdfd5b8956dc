package dev.shipshape.scorecard;

import java.util.List;

/**
 * A scorecard: ordered levels of binary rules written in CEL.
 *
 * @param key stable slug, e.g. {@code production-readiness}
 * @param name display name
 * @param description free text, may be {@code null}
 * @param appliesTo CEL boolean expression over {@code service}, {@code owner} and {@code now}
 *     that selects the services the scorecard applies to; {@code null} or blank applies to all
 * @param levels ordered lowest first; levels are cumulative
 * @param rules the rules, each attached to one level
 */
public record Scorecard(String key, String name, String description, String appliesTo, List<Level> levels,
		List<Rule> rules) {

	public Scorecard {
		levels = (levels != null) ? List.copyOf(levels) : List.of();
		rules = (rules != null) ? List.copyOf(rules) : List.of();
	}

	/** Whether the scorecard has an applies-to filter. */
	public boolean hasFilter() {
		return appliesTo != null && !appliesTo.isBlank();
	}

}
