package dev.shipshape.scorecard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The result of a compiled scorecard on one subject at one instant.
 *
 * <p>{@link #results()} holds one entry per rule of the scorecard, in scorecard order, including
 * {@link Outcome#NOT_APPLICABLE} and {@link Outcome#UPCOMING} ones, which count neither for levels
 * nor for readiness.
 *
 * @param scorecardKey the scorecard evaluated
 * @param applicable {@code false} when the scorecard's applies-to filter excludes the subject; all
 *     rules are then {@link Outcome#NOT_APPLICABLE}, no level is achieved and the subject is ready
 * @param results one per rule, in scorecard order
 * @param levelAchieved key of the highest level reached cumulatively (this level and every level
 *     below it met), or {@code null} if not even the lowest level is met. A level with no counting
 *     rule is met.
 * @param ready whether every counting rule at a blocking level is {@link Outcome#PASS} or
 *     {@link Outcome#WAIVED}
 * @param evaluatedAt the instant the evaluation was made for
 */
public record Evaluation(String scorecardKey, boolean applicable, List<RuleResult> results, String levelAchieved,
		boolean ready, Instant evaluatedAt) {

	public Evaluation {
		results = List.copyOf(results);
	}

	/** Rules at blocking levels that failed or were in error, without a live waiver. */
	public List<RuleResult> blockingFailures() {
		return select((result) -> result.blocking() && result.outcome().isMissed());
	}

	/** Rules that missed but are covered by a live waiver. */
	public List<RuleResult> waived() {
		return select((result) -> result.outcome() == Outcome.WAIVED);
	}

	/** Results of rules at aspirational (non-blocking) levels that apply to the subject. */
	public List<RuleResult> aspirational() {
		return select((result) -> !result.blocking() && result.outcome() != Outcome.NOT_APPLICABLE);
	}

	/** Rules not in force yet. */
	public List<RuleResult> upcoming() {
		return select((result) -> result.outcome() == Outcome.UPCOMING);
	}

	/** The result of one rule. */
	public Optional<RuleResult> result(String ruleKey) {
		return results.stream().filter((result) -> result.ruleKey().equals(ruleKey)).findFirst();
	}

	private List<RuleResult> select(Predicate<RuleResult> predicate) {
		return results.stream().filter(predicate).toList();
	}

}
