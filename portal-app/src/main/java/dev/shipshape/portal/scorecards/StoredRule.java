package dev.shipshape.portal.scorecards;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.shipshape.scorecard.CompiledScorecard;
import dev.shipshape.scorecard.Evaluation;
import dev.shipshape.scorecard.FactValue;
import dev.shipshape.scorecard.Outcome;
import dev.shipshape.scorecard.RuleResult;
import dev.shipshape.scorecard.Waiver;
import tools.jackson.core.type.TypeReference;

/**
 * One rule of a stored result: what the evaluation found, with the facts read only where they
 * explain why the rule did not pass. What the scorecard version says of the rule (title, level,
 * remediation, blocking) is read back from the version, which never changes, so that every stored
 * result does not repeat it. Results stored with those fields still read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StoredRule(String ruleKey, Outcome outcome, String reason, List<FactValue> facts, Waiver waiver) {

	static final TypeReference<List<StoredRule>> LIST = new TypeReference<>() {
	};

	static StoredRule of(RuleResult result) {
		return new StoredRule(result.ruleKey(), result.outcome(), result.reason(), factsKept(result), result.waiver());
	}

	/** Every rule of an evaluation, as stored. */
	static List<StoredRule> listOf(Evaluation evaluation) {
		return evaluation.results().stream().map(StoredRule::of).toList();
	}

	/** The facts a stored rule keeps: those of a rule that did not pass, if it read any; otherwise null. */
	static List<FactValue> factsKept(RuleResult result) {
		return (result.outcome() != Outcome.PASS && !result.facts().isEmpty()) ? result.facts() : null;
	}

	RuleResult result(CompiledScorecard version) {
		return version.result(this.ruleKey, this.outcome, this.reason, (this.facts != null) ? this.facts : List.of(),
				this.waiver);
	}
}
