package dev.shipshape.scorecard;

import static dev.shipshape.scorecard.Fixtures.COMPILER;
import static dev.shipshape.scorecard.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReferenceScorecardsTests {

	private final Scorecard scorecard = ReferenceScorecards.productionReadiness();

	@Test
	void productionReadinessHasABlockingMinimumBarAndTwoAspirationalLevels() {
		assertThat(this.scorecard.key()).isEqualTo("production-readiness");
		assertThat(this.scorecard.name()).isEqualTo("Production readiness");
		assertThat(this.scorecard.levels()).containsExactly(new Level("bronze", "Minimum bar", true),
				new Level("silver", "Silver", false), new Level("gold", "Gold", false));
		assertThat(this.scorecard.rules()).hasSizeGreaterThanOrEqualTo(15);
		assertThat(this.scorecard.rules()).allSatisfy((rule) -> assertThat(rule.remediation()).isNotBlank());
		assertThat(COMPILER.validate(this.scorecard)).isEmpty();
	}

	@Test
	void aWellRunServiceIsReady() {
		CompiledScorecard compiled = COMPILER.compile(this.scorecard);
		Evaluation evaluation = compiled.evaluate(Fixtures.subject(), List.of(), NOW);
		assertThat(evaluation.blockingFailures()).isEmpty();
		assertThat(evaluation.ready()).isTrue();
		assertThat(evaluation.levelAchieved()).isEqualTo("bronze");
		assertThat(evaluation.result("release-signed").orElseThrow().outcome()).isEqualTo(Outcome.UPCOMING);
		assertThat(evaluation.result("release-coverage-80").orElseThrow().facts())
			.containsExactly(new FactValue("release.facts.coverage", 71.2, true));
	}

	@Test
	void anUnownedServiceWithAFailingReleaseIsNotReady() {
		Subject subject = Fixtures.subject();
		subject.service().put("owner", "");
		Fixtures.facts(subject.release()).put("testsPassed", false);
		Fixtures.facts(subject.release()).remove("changeTicket");
		Evaluation evaluation = COMPILER.compile(this.scorecard)
			.evaluate(new Subject(subject.service(), subject.release(), null), List.of(), NOW);
		assertThat(evaluation.ready()).isFalse();
		assertThat(evaluation.blockingFailures()).extracting(RuleResult::ruleKey, RuleResult::outcome, RuleResult::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("owner-set", Outcome.FAIL, null),
					org.assertj.core.groups.Tuple.tuple("release-tests-passed", Outcome.FAIL, null),
					org.assertj.core.groups.Tuple.tuple("release-change-ticket", Outcome.ERROR,
							"missing fact: release.facts.changeTicket"));
	}

	@Test
	void deprecatedServicesAreExempt() {
		Subject subject = Fixtures.subject();
		subject.service().put("lifecycle", "deprecated");
		assertThat(COMPILER.compile(this.scorecard).evaluate(subject, List.of(), NOW).applicable()).isFalse();
	}

	@Test
	void serviceLevelEvaluationLeavesReleaseRulesOut() {
		CompiledScorecard compiled = COMPILER.compile(this.scorecard);
		Evaluation evaluation = compiled.evaluate(new Subject(Fixtures.service(), null, Fixtures.owner()), List.of(), NOW);
		assertThat(evaluation.results().stream().filter((r) -> r.outcome() == Outcome.NOT_APPLICABLE))
			.extracting(RuleResult::ruleKey)
			.allSatisfy((key) -> assertThat(compiled.isReleaseRule(key)).isTrue())
			.contains("release-tests-passed", "release-change-ticket");
		assertThat(evaluation.ready()).isTrue();
	}

}
