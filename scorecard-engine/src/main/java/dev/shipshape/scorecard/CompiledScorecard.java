package dev.shipshape.scorecard;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A scorecard ready to evaluate: every expression compiled and type-checked once. Immutable and
 * thread-safe; compile once per scorecard version and evaluate it as often as needed, from any
 * number of threads.
 */
public final class CompiledScorecard {

	private final Scorecard scorecard;

	private final CompiledExpression appliesTo;

	private final List<CompiledRule> rules;

	private final Map<String, CompiledRule> rulesByKey;

	private final EngineLimits limits;

	CompiledScorecard(Scorecard scorecard, CompiledExpression appliesTo, List<CompiledRule> rules,
			EngineLimits limits) {
		this.scorecard = scorecard;
		this.appliesTo = appliesTo;
		this.rules = List.copyOf(rules);
		this.rulesByKey = this.rules.stream().collect(Collectors.toUnmodifiableMap(CompiledRule::key, Function.identity()));
		this.limits = limits;
	}

	/** The scorecard this was compiled from. */
	public Scorecard scorecard() {
		return this.scorecard;
	}

	/** The limits this was compiled with, also applied when evaluating. */
	public EngineLimits limits() {
		return this.limits;
	}

	/**
	 * Whether the rule reads {@code release}: such a rule only applies when a release is evaluated.
	 * @throws IllegalArgumentException if the scorecard has no such rule
	 */
	public boolean isReleaseRule(String ruleKey) {
		return rule(ruleKey).expression().readsRelease();
	}

	/**
	 * The subject fields the rule reads, e.g. {@code release.facts.coverage}, in reading order.
	 * @throws IllegalArgumentException if the scorecard has no such rule
	 */
	public List<String> readPaths(String ruleKey) {
		return rule(ruleKey).expression().paths();
	}

	/**
	 * A rule's result as an evaluation of this scorecard reports it, from what the evaluation found:
	 * what the scorecard says of the rule (title, level, remediation, blocking) need not be stored with
	 * a result.
	 * @throws IllegalArgumentException if the scorecard has no such rule
	 */
	public RuleResult result(String ruleKey, Outcome outcome, String reason, List<FactValue> facts, Waiver waiver) {
		return rule(ruleKey).result(outcome, reason, facts, waiver);
	}

	/**
	 * Evaluates every rule on a subject. Never throws because of the subject's content: a rule that
	 * cannot be evaluated is {@link Outcome#ERROR} with the reason.
	 *
	 * <p>An applies-to filter that cannot be evaluated on the subject (a missing field, say) counts
	 * as applying, so that a broken filter never exempts a service from the minimum bar.
	 * @param subject the service, and the release when a release is evaluated
	 * @param waivers the exceptions already narrowed to this subject; only those for a rule of this
	 *     scorecard that are live at {@code now} apply, and only to {@link Outcome#FAIL} or
	 *     {@link Outcome#ERROR}; may be {@code null}
	 * @param now the instant to evaluate at: the value of {@code now}, and the clock for
	 *     effective dates and waiver expiry
	 */
	public Evaluation evaluate(Subject subject, Collection<Waiver> waivers, Instant now) {
		return evaluate(PreparedSubject.of(subject, now), waivers, FactsRead.EVERY_RULE);
	}

	/**
	 * Evaluates every rule on a prepared subject at its instant, as {@link #evaluate(Subject, Collection,
	 * Instant)} does.
	 * @param factsRead which rules report the facts they read
	 */
	public Evaluation evaluate(PreparedSubject subject, Collection<Waiver> waivers, FactsRead factsRead) {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(factsRead, "factsRead");
		Instant now = subject.now();
		SubjectVariables variables = subject.variables(this.limits);
		if (!applies(variables)) {
			return notApplicable(now);
		}
		Map<String, Waiver> live = liveWaivers(waivers, now);
		RuleResult[] results = new RuleResult[this.rules.size()];
		// Per level, whether a counting rule missed it; one pass, as this runs for every subject.
		boolean[] levelMissed = new boolean[this.scorecard.levels().size()];
		boolean ready = true;
		for (int i = 0; i < results.length; i++) {
			CompiledRule rule = this.rules.get(i);
			RuleResult result = rule.evaluate(variables, live, now, this.limits, factsRead);
			results[i] = result;
			if (result.outcome().isMissed()) {
				levelMissed[rule.levelIndex()] = true;
				ready &= !result.blocking();
			}
		}
		return new Evaluation(this.scorecard.key(), true, List.of(results), levelAchieved(levelMissed), ready, now);
	}

	private CompiledRule rule(String ruleKey) {
		CompiledRule rule = this.rulesByKey.get(ruleKey);
		if (rule == null) {
			throw new IllegalArgumentException("No rule '" + ruleKey + "' in scorecard '" + this.scorecard.key() + "'");
		}
		return rule;
	}

	private boolean applies(SubjectVariables variables) {
		return this.appliesTo == null || this.appliesTo.evaluate(variables, this.limits).outcome() != Outcome.FAIL;
	}

	private Evaluation notApplicable(Instant now) {
		List<RuleResult> results = this.rules.stream()
			.map((rule) -> rule.notApplicable("the scorecard does not apply to this service"))
			.toList();
		return new Evaluation(this.scorecard.key(), false, results, null, true, now);
	}

	private static Map<String, Waiver> liveWaivers(Collection<Waiver> waivers, Instant now) {
		if (waivers == null || waivers.isEmpty()) {
			return Map.of();
		}
		Map<String, Waiver> live = new HashMap<>();
		for (Waiver waiver : waivers) {
			if (waiver != null && waiver.isLiveAt(now)) {
				// With several live waivers for one rule, show the one that lasts longest.
				live.merge(waiver.ruleKey(), waiver,
						(a, b) -> a.expiresAt().isBefore(b.expiresAt()) ? b : a);
			}
		}
		return live;
	}

	private String levelAchieved(boolean[] levelMissed) {
		String achieved = null;
		for (int i = 0; i < levelMissed.length && !levelMissed[i]; i++) {
			achieved = this.scorecard.levels().get(i).key();
		}
		return achieved;
	}

}
