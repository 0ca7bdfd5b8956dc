package dev.shipshape.scorecard;

import java.util.List;

/**
 * The outcome of one rule, with what it takes to explain it.
 *
 * @param ruleKey the rule
 * @param title the rule's title
 * @param level the key of the rule's level
 * @param outcome what happened
 * @param reason why, when there is more to say than the outcome: the error for
 *     {@link Outcome#ERROR}, the underlying result for {@link Outcome#WAIVED} and
 *     {@link Outcome#UPCOMING}; otherwise {@code null}
 * @param facts the values of the fields the expression reads, in the order it reads them
 * @param remediation what to do about a failure, may be {@code null}
 * @param waiver the waiver applied, when {@link Outcome#WAIVED}
 * @param blocking whether the rule's level is blocking
 */
public record RuleResult(String ruleKey, String title, String level, Outcome outcome, String reason,
		List<FactValue> facts, String remediation, Waiver waiver, boolean blocking) {

	public RuleResult {
		facts = (facts != null) ? List.copyOf(facts) : List.of();
	}

}
