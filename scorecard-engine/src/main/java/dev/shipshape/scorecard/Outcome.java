package dev.shipshape.scorecard;

/** The outcome of one rule on one subject. */
public enum Outcome {

	/** The expression yielded {@code true}. */
	PASS,

	/** The expression yielded {@code false}. */
	FAIL,

	/** The rule failed (or was in error) but a live waiver covers it. */
	WAIVED,

	/** The expression could not be evaluated on these facts; counts as failing. */
	ERROR,

	/** The rule is not in force yet; it counts for nothing. */
	UPCOMING,

	/** The rule does not apply to this subject; it counts for nothing. */
	NOT_APPLICABLE;

	/** Whether the outcome meets the rule: {@link #PASS} or {@link #WAIVED}. */
	public boolean isMet() {
		return this == PASS || this == WAIVED;
	}

	/** Whether the outcome misses the rule: {@link #FAIL} or {@link #ERROR}. */
	public boolean isMissed() {
		return this == FAIL || this == ERROR;
	}

	/** Whether the outcome counts towards levels and readiness. */
	public boolean counts() {
		return this != UPCOMING && this != NOT_APPLICABLE;
	}

}
