package dev.shipshape.catalog;

import java.util.regex.Pattern;

/** Backstage's tag rule: lower-case letters, digits and {@code : + #}, separated by single '-'. */
public final class Tags {

	public static final String RULE = "must be 1 to 63 lower-case letters, digits, ':', '+' or '#', separated by single '-'";

	private static final Pattern TAG = Pattern.compile("[a-z0-9:+#]+(?:-[a-z0-9:+#]+)*");

	private Tags() {
	}

	public static boolean isValid(String tag) {
		return tag != null && tag.length() <= 63 && TAG.matcher(tag).matches();
	}
}
