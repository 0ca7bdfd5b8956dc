package dev.shipshape.waivers;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exceptions are named {@code EX-<number>} wherever people see them: in explanations ("waived by
 * EX-12"), in addresses and in the API. The bare number is accepted too.
 */
public final class ExceptionIds {

	private static final String PREFIX = "EX-";

	private static final Pattern ID = Pattern.compile("(?:EX-)?([1-9][0-9]{0,17})");

	private ExceptionIds() {
	}

	public static String format(long id) {
		return PREFIX + id;
	}

	public static OptionalLong parse(String id) {
		if (id == null) {
			return OptionalLong.empty();
		}
		Matcher matcher = ID.matcher(id.trim().toUpperCase(Locale.ROOT));
		return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
	}
}
