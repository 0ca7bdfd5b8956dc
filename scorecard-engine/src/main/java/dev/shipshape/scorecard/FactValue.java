package dev.shipshape.scorecard;

/**
 * The value of one field a rule reads, to explain its outcome.
 *
 * @param path e.g. {@code release.facts.coverage}
 * @param value the value as the rule saw it ({@code Long}, {@code Double}, {@code String},
 *     {@code Boolean}, {@code List}, {@code Map}, {@code Instant}); {@code null} when missing or
 *     JSON null
 * @param present whether the field exists in the subject
 */
public record FactValue(String path, Object value, boolean present) {

	static FactValue missing(String path) {
		return new FactValue(path, null, false);
	}

	@Override
	public String toString() {
		if (!present) {
			return path + " = (missing)";
		}
		// An empty text would otherwise read as nothing at all.
		return path + " = " + ("".equals(value) ? "\"\"" : String.valueOf(value));
	}

}
