package dev.shipshape.catalog;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What facts may look like, for services and releases alike: names that rules can read as
 * {@code service.facts.<name>}, at most {@value #MAX_FACTS} of them, values of bounded size and depth.
 */
public final class FactRules {

	static final int MAX_FACTS = 200;

	static final int MAX_JSON_BYTES = 64 * 1024;

	static final int MAX_DEPTH = 10;

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	private FactRules() {
	}

	/** Refuses facts that break a rule, naming the fact at fault. */
	public static void check(Map<String, ?> facts) {
		checkNames(facts);
		checkCount(facts.size());
		facts.forEach(FactRules::checkDepth);
		int bytes = FactJson.write(facts).getBytes(StandardCharsets.UTF_8).length;
		if (bytes > MAX_JSON_BYTES) {
			throw new InvalidFactsException("facts", "Facts may take at most " + MAX_JSON_BYTES / 1024
					+ " KB as JSON; these take " + (bytes + 1023) / 1024 + " KB");
		}
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
			return 1 + map.values().stream().mapToInt(FactRules::depth).max().orElse(0);
		}
		if (value instanceof List<?> list) {
			return 1 + list.stream().mapToInt(FactRules::depth).max().orElse(0);
		}
		return 0;
	}
}
