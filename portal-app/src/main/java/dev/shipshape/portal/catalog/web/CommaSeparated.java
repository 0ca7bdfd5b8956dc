package dev.shipshape.portal.catalog.web;

import java.util.Arrays;
import java.util.List;

/** Lists typed into a single text field, separated by commas. */
final class CommaSeparated {

	private CommaSeparated() {
	}

	static List<String> split(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(String::trim).filter((item) -> !item.isEmpty()).distinct().toList();
	}

	static String join(List<String> items) {
		return String.join(", ", items);
	}
}
