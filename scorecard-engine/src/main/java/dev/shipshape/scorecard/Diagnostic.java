package dev.shipshape.scorecard;

/**
 * A problem found while compiling a scorecard, suitable for a form or a problem body.
 *
 * @param ruleKey the rule the problem is in; {@code "appliesTo"} for the applies-to filter;
 *     {@code null} for problems of the scorecard as a whole
 * @param line 1-based line within the expression, 0 when the problem has no position
 * @param column 1-based column (in code points) within that line, 0 when the problem has no
 *     position
 * @param message what is wrong
 */
public record Diagnostic(String ruleKey, int line, int column, String message) {

	/** Rule key used for problems in the scorecard's applies-to filter. */
	public static final String APPLIES_TO = "appliesTo";

	static Diagnostic ofScorecard(String message) {
		return new Diagnostic(null, 0, 0, message);
	}

	static Diagnostic ofRule(String ruleKey, String message) {
		return new Diagnostic(ruleKey, 0, 0, message);
	}

	@Override
	public String toString() {
		String where = (ruleKey != null) ? "rule '" + ruleKey + "'" : "scorecard";
		if (APPLIES_TO.equals(ruleKey)) {
			where = "appliesTo";
		}
		return (line > 0) ? where + " at " + line + ":" + column + ": " + message : where + ": " + message;
	}

}
