package dev.shipshape.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A field of the subject a rule reads: a variable ({@code service}, {@code release},
 * {@code owner}) and the keys selected under it. Printed the way a rule writer would write it.
 */
final class FactPath {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final String root;

	private final List<String> segments;

	private final List<String> prefixes;

	FactPath(String root, List<String> segments) {
		this.root = root;
		this.segments = List.copyOf(segments);
		this.prefixes = prefixesOf(root, this.segments);
	}

	String root() {
		return this.root;
	}

	List<String> segments() {
		return this.segments;
	}

	/** This path and its ancestors as text, shortest first: {@code service}, {@code service.facts}... */
	List<String> prefixes() {
		return this.prefixes;
	}

	static String child(String parent, String key) {
		return IDENTIFIER.matcher(key).matches() ? parent + "." + key
				: parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
	}

	private static List<String> prefixesOf(String root, List<String> segments) {
		List<String> prefixes = new ArrayList<>(segments.size() + 1);
		String text = root;
		prefixes.add(text);
		for (String segment : segments) {
			text = child(text, segment);
			prefixes.add(text);
		}
		return List.copyOf(prefixes);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof FactPath that && this.toString().equals(that.toString());
	}

	@Override
	public int hashCode() {
		return toString().hashCode();
	}

	@Override
	public String toString() {
		return this.prefixes.get(this.prefixes.size() - 1);
	}

}
