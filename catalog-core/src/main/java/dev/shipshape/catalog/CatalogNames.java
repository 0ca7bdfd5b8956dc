package dev.shipshape.catalog;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The naming rule of teams, people and services, taken from Backstage so that real descriptors
 * import: 1 to 63 letters and digits separated by single {@code -}, {@code _} or {@code .}. Names
 * are unique without regard to case.
 */
public final class CatalogNames {

	public static final int MAX_LENGTH = 63;

	public static final String RULE = "must be 1 to 63 letters or digits, separated by single '-', '_' or '.'";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*");

	private CatalogNames() {
	}

	public static boolean isValid(String name) {
		return name != null && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
	}

	/** The case-insensitive key under which a name is unique. */
	public static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}
}
