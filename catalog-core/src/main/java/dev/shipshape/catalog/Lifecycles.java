package dev.shipshape.catalog;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a service stands in its life. The portal suggests {@link #STANDARD} values; like Backstage it
 * keeps any other lower-case word an organisation uses (e.g. {@code sandbox}), so that imports
 * lose nothing and scorecards can flag non-standard values.
 */
public final class Lifecycles {

	public static final List<String> STANDARD = List.of("experimental", "production", "deprecated");

	public static final String RULE = "must be a lower-case word of letters, digits and single '-' (e.g. production)";

	private static final Pattern LIFECYCLE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	private Lifecycles() {
	}

	public static boolean isValid(String lifecycle) {
		return lifecycle != null && lifecycle.length() <= 63 && LIFECYCLE.matcher(lifecycle).matches();
	}
}
