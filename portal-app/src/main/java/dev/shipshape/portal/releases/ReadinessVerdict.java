package dev.shipshape.portal.releases;

import java.time.Instant;
import java.util.List;

import dev.shipshape.scorecard.FactValue;
import dev.shipshape.scorecard.Outcome;

/**
 * The answer to "is this release ready for production?": READY when every rule at a blocking level
 * of every applicable scorecard passes or is waived. Lists what blocks (with explanation and
 * remediation), the blocking rules that pass (what let a release ship), what is waived (with the
 * exception and its expiry), the aspirational results, the rules that start counting later, and the
 * scorecard versions used.
 */
public record ReadinessVerdict(String service, String version, Verdict verdict, List<RuleVerdict> blockingFailures,
		List<RuleVerdict> passed, List<RuleVerdict> waived, List<RuleVerdict> aspirational, List<RuleVerdict> upcoming,
		List<ScorecardUsed> scorecards, Instant evaluatedAt) {

	public ReadinessVerdict {
		// Decisions recorded before the passing rules were listed have none.
		passed = (passed != null) ? passed : List.of();
	}

	public boolean ready() {
		return this.verdict == Verdict.READY;
	}

	/** One rule's outcome for the release, with what it read and how to fix it. */
	public record RuleVerdict(String scorecardKey, String scorecardName, String ruleKey, String title, String level,
			Outcome outcome, String reason, List<FactValue> facts, String remediation, String exceptionId,
			Instant exceptionExpiresAt) {
	}

	/** A scorecard version that took part; {@code applicable} false when its filter excludes the service. */
	public record ScorecardUsed(String key, String name, int version, boolean applicable, String level, boolean ready) {
	}
}
