package dev.shipshape.portal.scorecards;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.shipshape.portal.scorecards.ImpactPreview.ServiceImpact;
import dev.shipshape.scorecard.Evaluation;
import dev.shipshape.scorecard.Level;
import dev.shipshape.scorecard.Rule;
import dev.shipshape.scorecard.Scorecard;
import dev.shipshape.scorecard.ScorecardCompiler;
import dev.shipshape.scorecard.Subject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImpactPreviewTests {

	private static final List<Level> LEVELS = List.of(new Level("bronze", "Minimum bar", true),
			new Level("silver", "Silver", false));

	private static final Subject SERVICE = new Subject(Map.of("name", "svc", "tier", 1), null, null);

	@Test
	void aFailingRuleMovedIntoTheMinimumBarIsNamedAsNewlyFailing() {
		ServiceImpact impact = compare(evaluate(rule("silver", "false")), evaluate(rule("bronze", "false")));

		assertThat(impact.newlyFailing()).containsExactly("r");
		assertThat(impact.meetsMinimumBarBefore()).isTrue();
		assertThat(impact.meetsMinimumBarAfter()).isFalse();
	}

	@Test
	void aRuleThatFailedAtTheSameLevelBeforeIsNotNewlyFailing() {
		assertThat(compare(evaluate(rule("bronze", "false")), evaluate(rule("bronze", "false"))).newlyFailing()).isEmpty();
		assertThat(compare(evaluate(rule("bronze", "false")), evaluate(rule("silver", "false"))).newlyFailing()).isEmpty();
	}

	private static ServiceImpact compare(Evaluation before, Evaluation after) {
		return ImpactPreview.compare("svc", before, after, LEVELS);
	}

	private static Rule rule(String level, String expression) {
		return new Rule("r", "A rule", null, level, expression, null, null);
	}

	private static Evaluation evaluate(Rule rule) {
		return new ScorecardCompiler().compile(new Scorecard("sc", "Scorecard", null, null, LEVELS, List.of(rule)))
			.evaluate(SERVICE, List.of(), Instant.parse("2026-11-27T12:00:00Z"));
	}
}
