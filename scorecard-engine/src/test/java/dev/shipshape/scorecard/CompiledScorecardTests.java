package dev.shipshape.scorecard;

import static dev.shipshape.scorecard.Fixtures.NOW;
import static dev.shipshape.scorecard.Fixtures.compile;
import static dev.shipshape.scorecard.Fixtures.evaluateOne;
import static dev.shipshape.scorecard.Fixtures.facts;
import static dev.shipshape.scorecard.Fixtures.only;
import static dev.shipshape.scorecard.Fixtures.rule;
import static dev.shipshape.scorecard.Fixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CompiledScorecardTests {

	@Nested
	class Outcomes {

		@Test
		void trueIsPass() {
			RuleResult result = evaluateOne("service.owner != \"\"", subject());
			assertThat(result.outcome()).isEqualTo(Outcome.PASS);
			assertThat(result.reason()).isNull();
			assertThat(result.facts()).containsExactly(new FactValue("service.owner", "team-a", true));
		}

		@Test
		void falseIsFailExplainedByTheValuesRead() {
			RuleResult result = evaluateOne("release.facts.coverage >= 80.0 && release.facts.testsPassed", subject());
			assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(result.facts()).containsExactly(new FactValue("release.facts.coverage", 71.2, true),
					new FactValue("release.facts.testsPassed", true, true));
			assertThat(result.facts().get(0)).hasToString("release.facts.coverage = 71.2");
			assertThat(result.remediation()).isEqualTo("Fix r");
		}

		@Test
		void aStoredOutcomeIsReportedAsTheEvaluationReportsIt() {
			CompiledScorecard scorecard = compile(rule("r", "bronze", "release.facts.coverage >= 80.0"));
			RuleResult evaluated = only(scorecard.evaluate(subject(), List.of(), NOW));

			RuleResult restored = scorecard.result("r", evaluated.outcome(), evaluated.reason(), evaluated.facts(), null);

			assertThat(restored).isEqualTo(evaluated);
			assertThatIllegalArgumentException().isThrownBy(() -> scorecard.result("nope", Outcome.PASS, null, List.of(), null))
				.withMessageContaining("nope");
		}

		@Test
		void missingFactIsErrorNamingTheField() {
			Subject subject = subject();
			facts(subject.service()).remove("coverage");
			RuleResult result = evaluateOne("service.facts.coverage >= 80.0", subject);
			assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
			assertThat(result.reason()).isEqualTo("missing fact: service.facts.coverage");
			assertThat(result.facts()).containsExactly(FactValue.missing("service.facts.coverage"));
		}

		@Test
		void missingObjectIsErrorNamingTheField() {
			Subject subject = subject();
			subject.service().remove("facts");
			RuleResult result = evaluateOne("service.facts.coverage >= 80.0", subject);
			assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
			assertThat(result.reason()).isEqualTo("missing fact: service.facts");
			assertThat(result.facts()).containsExactly(FactValue.missing("service.facts.coverage"));
		}

		@Test
		void selectingIntoAScalarIsErrorSayingWhy() {
			RuleResult result = evaluateOne("service.facts.coverage.lines > 1", subject());
			assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
			assertThat(result.reason())
				.isEqualTo("missing fact: service.facts.coverage.lines (service.facts.coverage is a double, not an object)");
		}

		@Test
		void indexedFieldsAreExplainedToo() {
			RuleResult result = evaluateOne("service.links[\"dashboard\"] != \"\"", subject());
			assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
			assertThat(result.facts()).containsExactly(new FactValue("service.links.dashboard", "", true));
		}

		@Test
		void presenceTestOfMissingFactIsFailNotError() {
			Subject subject = subject();
			facts(subject.service()).remove("coverage");
			RuleResult result = evaluateOne("has(service.facts.coverage) && service.facts.coverage >= 80.0", subject);
			assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
		}

		@Test
		void guardedMissingFactIsNotBlamedForAnotherMissingFact() {
			Subject subject = subject();
			facts(subject.service()).remove("coverage");
			facts(subject.service()).remove("sloDefined");
			RuleResult result = evaluateOne(
					"(has(service.facts.coverage) ? service.facts.coverage : 0.0) >= 0.0 && service.facts.sloDefined",
					subject);
			assertThat(result.reason()).isEqualTo("missing fact: service.facts.sloDefined");
		}

		@Test
		void ownerlessServiceIsErrorWhenTheRuleReadsTheOwner() {
			Subject subject = new Subject(Fixtures.service(), null, null);
			RuleResult result = evaluateOne("owner.chat != \"\"", subject);
			assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
			assertThat(result.reason()).isEqualTo("missing fact: owner.chat (no owner)");
			assertThat(evaluateOne("owner == null", subject).outcome()).isEqualTo(Outcome.PASS);
		}

		@Test
		void nullFactIsPresentWithNullValue() {
			Subject subject = subject();
			facts(subject.service()).put("coverage", null);
			RuleResult result = evaluateOne("service.facts.coverage == null", subject);
			assertThat(result.outcome()).isEqualTo(Outcome.PASS);
			assertThat(result.facts()).containsExactly(new FactValue("service.facts.coverage", null, true));
		}

		@Test
		void dynamicNonBooleanResultIsError() {
			RuleResult result = evaluateOne("service.owner", subject());
			assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
			assertThat(result.reason()).isEqualTo("expression returned a string, not a bool");
		}

		@Test
		void runtimeFailureIsErrorWithReason() {
			RuleResult result = evaluateOne("service.tier / 0 > 1", subject());
			assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
			assertThat(result.reason()).isEqualTo("/ by zero");
		}

		@Test
		void typeMismatchOnFactsIsErrorWithReason() {
			RuleResult result = evaluateOne("service.owner > 3", subject());
			assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
			assertThat(result.reason()).contains("No matching overload");
		}

		@Test
		void nowIsTheEvaluationInstant() {
			assertThat(evaluateOne("now - timestamp(service.facts.lastDeployedAt) <= duration(\"720h\")", subject())
				.outcome()).isEqualTo(Outcome.PASS);
			assertThat(only(Fixtures.compileExpression("now == timestamp(\"2026-06-01T12:00:00Z\")")
				.evaluate(subject(), List.of(), NOW)).outcome()).isEqualTo(Outcome.PASS);
		}

		@Test
		void macrosWork() {
			assertThat(evaluateOne("service.tags.exists(t, t == \"payments\")", subject()).outcome())
				.isEqualTo(Outcome.PASS);
			assertThat(evaluateOne("service.tags.all(t, t.matches(\"^[a-z]+$\"))", subject()).outcome())
				.isEqualTo(Outcome.PASS);
			assertThat(evaluateOne("service.tags.exists_one(t, t.startsWith(\"p\"))", subject()).outcome())
				.isEqualTo(Outcome.PASS);
			assertThat(evaluateOne("service.tags.filter(t, t != \"java\").map(t, size(t)) == [8]", subject())
				.outcome()).isEqualTo(Outcome.PASS);
		}

	}

	@Nested
	class ReleaseRules {

		@Test
		void ruleReadingReleaseIsNotApplicableWithoutRelease() {
			CompiledScorecard compiled = compile(rule("owner", "bronze", "service.owner != \"\""),
					rule("tests", "bronze", "release.facts.testsPassed == true"));
			Evaluation evaluation = compiled.evaluate(Subject.of(Fixtures.service()), List.of(), NOW);
			assertThat(evaluation.results()).extracting(RuleResult::outcome)
				.containsExactly(Outcome.PASS, Outcome.NOT_APPLICABLE);
			assertThat(evaluation.ready()).isTrue();
			assertThat(evaluation.levelAchieved()).isEqualTo("gold");
			assertThat(compiled.isReleaseRule("tests")).isTrue();
			assertThat(compiled.isReleaseRule("owner")).isFalse();
		}

		@Test
		void ruleReadingReleaseAppliesWithRelease() {
			CompiledScorecard compiled = compile(rule("tests", "bronze", "release.facts.testsPassed == true"));
			assertThat(only(compiled.evaluate(subject(), List.of(), NOW)).outcome()).isEqualTo(Outcome.PASS);
		}

		@Test
		void unknownRuleKeyIsRefused() {
			assertThatIllegalArgumentException().isThrownBy(() -> compile(rule("a", "bronze", "true")).isReleaseRule("b"));
		}

		@Test
		void readPathsAreListed() {
			CompiledScorecard compiled = compile(rule("a", "bronze",
					"release.facts.coverage >= 80.0 || (has(service.facts.coverage) && service.facts.coverage > 90.0)"));
			assertThat(compiled.readPaths("a")).containsExactly("release.facts.coverage", "service.facts.coverage");
		}

		@Test
		void comprehensionVariableNamedLikeASubjectVariableIsNotARead() {
			CompiledScorecard compiled = compile(rule("a", "bronze", "service.tags.exists(release, release == \"x\")"));
			assertThat(compiled.readPaths("a")).containsExactly("service.tags");
			assertThat(compiled.isReleaseRule("a")).isFalse();
		}

	}

	@Nested
	class Levels {

		@Test
		void levelsAreCumulative() {
			CompiledScorecard compiled = compile(rule("b", "bronze", "true"), rule("s", "silver", "false"),
					rule("g", "gold", "true"));
			Evaluation evaluation = compiled.evaluate(subject(), List.of(), NOW);
			assertThat(evaluation.levelAchieved()).isEqualTo("bronze");
			assertThat(evaluation.ready()).isTrue();
		}

		@Test
		void noLevelWhenTheLowestIsMissed() {
			CompiledScorecard compiled = compile(rule("b", "bronze", "false"), rule("s", "silver", "true"));
			Evaluation evaluation = compiled.evaluate(subject(), List.of(), NOW);
			assertThat(evaluation.levelAchieved()).isNull();
			assertThat(evaluation.ready()).isFalse();
			assertThat(evaluation.blockingFailures()).extracting(RuleResult::ruleKey).containsExactly("b");
			assertThat(evaluation.aspirational()).extracting(RuleResult::ruleKey).containsExactly("s");
		}

		@Test
		void errorCountsAsMissed() {
			CompiledScorecard compiled = compile(rule("b", "bronze", "service.facts.nothing == 1"));
			Evaluation evaluation = compiled.evaluate(subject(), List.of(), NOW);
			assertThat(evaluation.ready()).isFalse();
			assertThat(evaluation.levelAchieved()).isNull();
			assertThat(evaluation.blockingFailures()).extracting(RuleResult::outcome).containsExactly(Outcome.ERROR);
		}

		@Test
		void levelWithoutCountingRulesIsReached() {
			CompiledScorecard compiled = compile(rule("b", "bronze", "true"),
					rule("s", "silver", "release.facts.testsPassed"), rule("g", "gold", "true"));
			Evaluation evaluation = compiled.evaluate(Subject.of(Fixtures.service()), List.of(), NOW);
			assertThat(evaluation.levelAchieved()).isEqualTo("gold");
		}

		@Test
		void aspirationalFailuresNeverBlock() {
			CompiledScorecard compiled = compile(rule("b", "bronze", "true"), rule("g", "gold", "false"));
			Evaluation evaluation = compiled.evaluate(subject(), List.of(), NOW);
			assertThat(evaluation.ready()).isTrue();
			assertThat(evaluation.levelAchieved()).isEqualTo("silver");
			assertThat(evaluation.results()).extracting(RuleResult::blocking).containsExactly(true, false);
		}

		@Test
		void everyBlockingLevelCountsForReadiness() {
			List<Level> levels = List.of(new Level("basic", "Basic", true), new Level("strict", "Strict", true),
					new Level("nice", "Nice", false));
			Scorecard scorecard = new Scorecard("two-bars", "Two bars", null, null, levels,
					List.of(rule("a", "basic", "true"), rule("b", "strict", "false"), rule("c", "nice", "true")));
			Evaluation evaluation = Fixtures.COMPILER.compile(scorecard).evaluate(subject(), List.of(), NOW);
			assertThat(evaluation.ready()).isFalse();
			assertThat(evaluation.levelAchieved()).isEqualTo("basic");
		}

	}

	@Nested
	class Upcoming {

		@Test
		void ruleBeforeItsEffectiveDateIsUpcomingAndCountsForNothing() {
			Rule upcoming = new Rule("sbom", "SBOM published", null, "bronze", "false", null, NOW.plusSeconds(1));
			CompiledScorecard compiled = compile(rule("b", "bronze", "true"), upcoming);
			Evaluation evaluation = compiled.evaluate(subject(), List.of(), NOW);
			RuleResult result = evaluation.result("sbom").orElseThrow();
			assertThat(result.outcome()).isEqualTo(Outcome.UPCOMING);
			assertThat(result.reason()).isEqualTo("effective from 2026-06-01T12:00:01Z; currently fails");
			assertThat(evaluation.ready()).isTrue();
			assertThat(evaluation.levelAchieved()).isEqualTo("gold");
			assertThat(evaluation.upcoming()).containsExactly(result);
		}

		@Test
		void ruleFromItsEffectiveDateCounts() {
			Rule effective = new Rule("sbom", "SBOM published", null, "bronze", "false", null, NOW);
			Evaluation evaluation = compile(effective).evaluate(subject(), List.of(), NOW);
			assertThat(only(evaluation).outcome()).isEqualTo(Outcome.FAIL);
			assertThat(evaluation.ready()).isFalse();
		}

		@Test
		void upcomingRuleInErrorSaysWhy() {
			Rule upcoming = new Rule("x", "X", null, "bronze", "service.facts.sbom == true", null, NOW.plusSeconds(60));
			RuleResult result = only(compile(upcoming).evaluate(subject(), List.of(), NOW));
			assertThat(result.outcome()).isEqualTo(Outcome.UPCOMING);
			assertThat(result.reason()).endsWith("currently errs: missing fact: service.facts.sbom");
		}

	}

	@Nested
	class Waivers {

		private final CompiledScorecard compiled = compile(rule("b", "bronze", "service.facts.coverage >= 90.0"),
				rule("e", "bronze", "service.facts.nothing == 1"), rule("p", "bronze", "true"));

		@Test
		void liveWaiverTurnsFailureIntoWaived() {
			Waiver waiver = new Waiver("EX-1", "b", NOW.plus(Duration.ofDays(3)));
			Waiver other = new Waiver("EX-2", "e", NOW.plus(Duration.ofDays(3)));
			Evaluation evaluation = this.compiled.evaluate(subject(), List.of(waiver, other), NOW);
			RuleResult result = evaluation.result("b").orElseThrow();
			assertThat(result.outcome()).isEqualTo(Outcome.WAIVED);
			assertThat(result.waiver()).isEqualTo(waiver);
			assertThat(result.reason()).isEqualTo("fails; waived by EX-1 until 2026-06-04T12:00:00Z");
			assertThat(result.facts()).containsExactly(new FactValue("service.facts.coverage", 83.5, true));
			assertThat(evaluation.result("e").orElseThrow().outcome()).isEqualTo(Outcome.WAIVED);
			assertThat(evaluation.ready()).isTrue();
			assertThat(evaluation.levelAchieved()).isEqualTo("gold");
			assertThat(evaluation.waived()).extracting(RuleResult::ruleKey).containsExactly("b", "e");
		}

		@Test
		void waiverExpiringExactlyNowDoesNotApply() {
			Waiver waiver = new Waiver("EX-1", "b", NOW);
			Evaluation evaluation = this.compiled.evaluate(subject(), List.of(waiver), NOW);
			assertThat(evaluation.result("b").orElseThrow().outcome()).isEqualTo(Outcome.FAIL);
			assertThat(evaluation.result("b").orElseThrow().waiver()).isNull();
		}

		@Test
		void waiverOneInstantBeforeExpiryApplies() {
			Waiver waiver = new Waiver("EX-1", "b", NOW);
			Evaluation evaluation = this.compiled.evaluate(subject(), List.of(waiver), NOW.minusNanos(1));
			assertThat(evaluation.result("b").orElseThrow().outcome()).isEqualTo(Outcome.WAIVED);
		}

		@Test
		void waiverOnAPassingRuleLeavesItPassing() {
			Waiver waiver = new Waiver("EX-1", "p", NOW.plusSeconds(60));
			RuleResult result = this.compiled.evaluate(subject(), List.of(waiver), NOW).result("p").orElseThrow();
			assertThat(result.outcome()).isEqualTo(Outcome.PASS);
			assertThat(result.waiver()).isNull();
		}

		@Test
		void waiverForAnotherRuleDoesNotApply() {
			Waiver waiver = new Waiver("EX-1", "not-a-rule", NOW.plusSeconds(60));
			Evaluation evaluation = this.compiled.evaluate(subject(), List.of(waiver), NOW);
			assertThat(evaluation.result("b").orElseThrow().outcome()).isEqualTo(Outcome.FAIL);
		}

		@Test
		void longestLiveWaiverIsShown() {
			Waiver shorter = new Waiver("EX-1", "b", NOW.plusSeconds(60));
			Waiver longer = new Waiver("EX-2", "b", NOW.plusSeconds(120));
			Waiver expired = new Waiver("EX-3", "b", NOW.minusSeconds(1));
			RuleResult result = this.compiled.evaluate(subject(), List.of(shorter, longer, expired), NOW)
				.result("b")
				.orElseThrow();
			assertThat(result.waiver()).isEqualTo(longer);
		}

		@Test
		void waiverIsLiveStrictlyBeforeExpiry() {
			Instant expiry = Instant.parse("2026-07-01T00:00:00Z");
			Waiver waiver = new Waiver("EX-1", "b", expiry);
			assertThat(waiver.isLiveAt(expiry.minusNanos(1))).isTrue();
			assertThat(waiver.isLiveAt(expiry)).isFalse();
			assertThat(waiver.isLiveAt(expiry.plusNanos(1))).isFalse();
		}

		@Test
		void noWaiversMayBeNull() {
			assertThat(this.compiled.evaluate(subject(), null, NOW).result("b").orElseThrow().outcome())
				.isEqualTo(Outcome.FAIL);
		}

	}

	@Nested
	class AppliesTo {

		private final CompiledScorecard compiled = Fixtures.COMPILER.compile(new Scorecard("prod", "Production", null,
				"service.lifecycle == \"production\" && service.tier <= 2", Fixtures.LEVELS,
				List.of(rule("b", "bronze", "false"), rule("r", "bronze", "release.facts.testsPassed"))));

		@Test
		void excludedSubjectHasEveryRuleNotApplicable() {
			Subject subject = subject();
			subject.service().put("lifecycle", "experimental");
			Evaluation evaluation = this.compiled.evaluate(subject, List.of(), NOW);
			assertThat(evaluation.applicable()).isFalse();
			assertThat(evaluation.results()).extracting(RuleResult::outcome)
				.containsOnly(Outcome.NOT_APPLICABLE)
				.hasSize(2);
			assertThat(evaluation.ready()).isTrue();
			assertThat(evaluation.levelAchieved()).isNull();
			assertThat(evaluation.blockingFailures()).isEmpty();
		}

		@Test
		void includedSubjectIsEvaluated() {
			Evaluation evaluation = this.compiled.evaluate(subject(), List.of(), NOW);
			assertThat(evaluation.applicable()).isTrue();
			assertThat(evaluation.ready()).isFalse();
		}

		@Test
		void filterThatCannotBeEvaluatedApplies() {
			Subject subject = subject();
			subject.service().remove("tier");
			Evaluation evaluation = this.compiled.evaluate(subject, List.of(), NOW);
			assertThat(evaluation.applicable()).isTrue();
		}

		@Test
		void filterMayReadTheOwner() {
			CompiledScorecard byOwner = Fixtures.COMPILER.compile(new Scorecard("team-a", "Team A", null,
					"owner != null && owner.name == \"team-a\"", Fixtures.LEVELS, List.of(rule("b", "bronze", "true"))));
			assertThat(byOwner.evaluate(subject(), List.of(), NOW).applicable()).isTrue();
			assertThat(byOwner.evaluate(Subject.of(Fixtures.service()), List.of(), NOW).applicable()).isFalse();
		}

	}

	@Test
	void evaluationKeepsScorecardOrderAndInstant() {
		CompiledScorecard compiled = compile(rule("z", "gold", "true"), rule("a", "bronze", "true"));
		Evaluation evaluation = compiled.evaluate(subject(), List.of(), NOW);
		assertThat(evaluation.results()).extracting(RuleResult::ruleKey).containsExactly("z", "a");
		assertThat(evaluation.evaluatedAt()).isEqualTo(NOW);
		assertThat(evaluation.scorecardKey()).isEqualTo("test");
		assertThat(evaluation.results().get(0).title()).isEqualTo("Title of z");
		assertThat(evaluation.results().get(0).level()).isEqualTo("gold");
	}

	@Test
	void subjectIsNotModified() {
		Subject subject = subject();
		Map<String, Object> before = Fixtures.service();
		compile(rule("a", "bronze", "service.tier == 1")).evaluate(subject, List.of(), NOW);
		assertThat(subject.service()).isEqualTo(before);
		assertThat(subject.service().get("tier")).isInstanceOf(Integer.class);
	}

}
