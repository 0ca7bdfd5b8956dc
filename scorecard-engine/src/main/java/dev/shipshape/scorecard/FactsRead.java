package dev.shipshape.scorecard;

/** Which rules of an evaluation report the values of the facts they read. */
public enum FactsRead {

	/** Every rule that was evaluated. */
	EVERY_RULE,

	/**
	 * Only rules whose outcome is not {@link Outcome#PASS}: what explains a failure. Cheaper, for
	 * callers that keep nothing of a passing rule but its outcome.
	 */
	RULES_NOT_PASSED

}
