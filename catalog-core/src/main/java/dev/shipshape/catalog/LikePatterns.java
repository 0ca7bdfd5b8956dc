package dev.shipshape.catalog;

import java.util.Locale;

/** Turns user text into a case-insensitive "contains" pattern for SQL LIKE with '\' as escape. */
final class LikePatterns {

	private LikePatterns() {
	}

	static String contains(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String escaped = text.trim()
			.toLowerCase(Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_");
		return "%" + escaped + "%";
	}
}
