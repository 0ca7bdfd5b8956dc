package dev.shipshape.portal.scorecards;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.shipshape.scorecard.CompiledScorecard;
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
		boolean explains = result.outcome() != Outcome.PASS && !result.facts().isEmpty();
		return new StoredRule(result.ruleKey(), result.outcome(), result.reason(), explains ? result.facts() : null,
				result.waiver());
	}

	RuleResult result(CompiledScorecard version) {
		return version.result(this.ruleKey, this.outcome, this.reason, (this.facts != null) ? this.facts : List.of(),
				this.waiver);
	}
}
