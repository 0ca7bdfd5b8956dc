package dev.shipshape.catalog;

/**
 * Filters of the service list; null means "any". {@code owner} is a team name, {@code q} free text
 * matched against name, title, description, system and tags. {@code attention} keeps only services
 * without a resolved owner.
 */
public record ServiceQuery(String owner, Integer tier, String lifecycle, String tag, String q, boolean attention) {

	public static ServiceQuery all() {
		return new ServiceQuery(null, null, null, null, null, false);
	}

	public static ServiceQuery text(String q) {
		return new ServiceQuery(null, null, null, null, q, false);
	}

	public static ServiceQuery needingAttention() {
		return new ServiceQuery(null, null, null, null, null, true);
	}
}
