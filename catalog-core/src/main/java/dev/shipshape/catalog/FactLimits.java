package dev.shipshape.catalog;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What facts may look like: names that rules can read as {@code service.facts.<name>}, values of
 * bounded size and depth.
 */
final class FactLimits {

	static final int MAX_FACTS = 200;

	static final int MAX_JSON_BYTES = 64 * 1024;

	static final int MAX_DEPTH = 10;

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	private FactLimits() {
	}

	static void checkNames(Map<String, ?> facts) {
		for (String name : facts.keySet()) {
			if (!NAME.matcher(name).matches()) {
				throw new InvalidFactsException(name, "A fact name must start with a letter or '_' and hold only letters, "
						+ "digits and '_' (at most 63), so that rules can read it as service.facts." + "<name>");
			}
		}
	}

	static void checkCount(int count) {
		if (count > MAX_FACTS) {
			throw new InvalidFactsException("facts", "A service holds at most " + MAX_FACTS + " facts; this would make " + count);
		}
	}

	static void checkDepth(String name, Object value) {
		if (depth(value) > MAX_DEPTH) {
			throw new InvalidFactsException(name, "Nested deeper than " + MAX_DEPTH + " levels");
		}
	}

	private static int depth(Object value) {
		if (value instanceof Map<?, ?> map) {
			return 1 + map.values().stream().mapToInt(FactLimits::depth).max().orElse(0);
		}
		if (value instanceof List<?> list) {
			return 1 + list.stream().mapToInt(FactLimits::depth).max().orElse(0);
		}
		return 0;
	}
}
