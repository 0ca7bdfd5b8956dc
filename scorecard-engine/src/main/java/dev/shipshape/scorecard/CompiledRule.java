package dev.shipshape.scorecard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.shipshape.scorecard.CompiledExpression.Verdict;

/** A rule with its compiled expression, its level and that level's position (lowest is 0). */
record CompiledRule(Rule rule, Level level, int levelIndex, CompiledExpression expression) {

	String key() {
		return this.rule.key();
	}

	RuleResult notApplicable(String reason) {
		return result(Outcome.NOT_APPLICABLE, reason, List.of(), null);
	}

	RuleResult evaluate(SubjectVariables variables, Map<String, Waiver> liveWaivers, Instant now, EngineLimits limits,
			FactsRead factsRead) {
		if (this.expression.readsRelease() && !variables.hasRelease()) {
			return notApplicable("reads release; evaluated without a release");
		}
		Verdict verdict = this.expression.evaluate(variables, limits);
		if (this.rule.isUpcomingAt(now)) {
			return result(Outcome.UPCOMING, "effective from " + this.rule.effectiveFrom() + "; currently "
					+ verdict.describe(), this.expression.explain(variables), null);
		}
		Waiver waiver = liveWaivers.get(key());
		if (waiver != null && verdict.outcome().isMissed()) {
			return result(Outcome.WAIVED, verdict.describe() + "; waived by " + waiver.id() + " until "
					+ waiver.expiresAt(), this.expression.explain(variables), waiver);
		}
		boolean explains = verdict.outcome() != Outcome.PASS || factsRead == FactsRead.EVERY_RULE;
		return result(verdict.outcome(), verdict.reason(), explains ? this.expression.explain(variables) : List.of(),
				null);
	}

	RuleResult result(Outcome outcome, String reason, List<FactValue> facts, Waiver waiver) {
		return new RuleResult(this.rule.key(), this.rule.title(), this.rule.level(), outcome, reason, facts,
				this.rule.remediation(), waiver, this.level.blocking());
	}

}
