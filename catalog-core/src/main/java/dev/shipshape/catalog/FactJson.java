package dev.shipshape.catalog;

import tools.jackson.databind.json.JsonMapper;

/** Fact values as stored: JSON text in a {@code jsonb} column. */
public final class FactJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Longest whole number read without the parser: nine digits always fit an {@code Integer}. */
	private static final int PLAIN_INT_DIGITS = 9;

	private FactJson() {
	}

	public static String write(Object value) {
		return JSON.writeValueAsString(value);
	}

	/**
	 * The value of JSON text, as the JSON parser reads it into {@code Object}: maps, lists,
	 * {@code String}, {@code Boolean}, {@code Integer}, {@code Long}, {@code BigInteger},
	 * {@code Double} or {@code null}. Most facts are a literal, a small number or a string without
	 * escapes; those are read without a parser, as every re-evaluation reads every fact.
	 */
	public static Object read(String json) {
		return switch (json) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			case "null" -> null;
			default -> isPlainString(json) ? json.substring(1, json.length() - 1)
					: isPlainInt(json) ? (Object) Integer.valueOf(json)
							: isPlainDecimal(json) ? (Object) Double.valueOf(json) : JSON.readValue(json, Object.class);
		};
	}

	private static boolean isPlainString(String json) {
		int last = json.length() - 1;
		if (last < 1 || json.charAt(0) != '"' || json.charAt(last) != '"') {
			return false;
		}
		for (int i = 1; i < last; i++) {
			char c = json.charAt(i);
			if (c == '"' || c == '\\' || c < ' ') {
				return false;
			}
		}
		return true;
	}

	private static boolean isPlainInt(String json) {
		int start = signLength(json);
		return json.length() - start <= PLAIN_INT_DIGITS && isWholePart(json, start, json.length());
	}

	/** A fraction without exponent, such as jsonb prints {@code 0.95}: the parser reads it as the nearest double too. */
	private static boolean isPlainDecimal(String json) {
		int point = json.indexOf('.');
		return point > 0 && point < json.length() - 1 && isWholePart(json, signLength(json), point)
				&& digitsFrom(json, point + 1, json.length());
	}

	private static int signLength(String json) {
		return json.startsWith("-") ? 1 : 0;
	}

	/** Digits as JSON writes the whole part of a number: at least one, and no leading zero before others. */
	private static boolean isWholePart(String text, int from, int to) {
		return to > from && digitsFrom(text, from, to) && (to - from == 1 || text.charAt(from) != '0');
	}

	private static boolean digitsFrom(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

}
