package dev.shipshape.scorecard;

import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.shipshape.scorecard.Fixtures.NOW;
import static dev.shipshape.scorecard.Fixtures.compile;
import static dev.shipshape.scorecard.Fixtures.rule;
import static dev.shipshape.scorecard.Fixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;

class PreparedSubjectTests {

	private static final Waiver WAIVER = new Waiver("EX-7", "waived", NOW.plusSeconds(3600));

	private final CompiledScorecard scorecard = compile(rule("passes", "bronze", "service.facts.coverage > 80.0"),
			rule("fails", "bronze", "service.facts.highVulnerabilities == 0"),
			rule("errs", "silver", "service.facts.missing == 1"),
			rule("waived", "silver", "service.tier > 2"),
			new Rule("upcoming", "Upcoming", null, "gold", "service.tier == 1", null, NOW.plusSeconds(60)),
			rule("release", "gold", "release.facts.testsPassed"));

	private final CompiledScorecard other = compile(rule("owned", "bronze", "owner.name == 'team-a'"));

	@Test
	void onePreparedSubjectEvaluatesAsTheSubjectItselfByEveryScorecard() {
		PreparedSubject prepared = PreparedSubject.of(subject(), NOW);
		assertThat(this.scorecard.evaluate(prepared, List.of(WAIVER), FactsRead.EVERY_RULE))
			.isEqualTo(this.scorecard.evaluate(subject(), List.of(WAIVER), NOW));
		assertThat(this.other.evaluate(prepared, List.of(), FactsRead.EVERY_RULE))
			.isEqualTo(this.other.evaluate(subject(), List.of(), NOW));
		assertThat(this.scorecard.evaluate(prepared, List.of(WAIVER), FactsRead.EVERY_RULE))
			.isEqualTo(this.scorecard.evaluate(subject(), List.of(WAIVER), NOW));
	}

	@Test
	void aScorecardWithOtherLimitsConvertsTheSubjectWithItsOwn() {
		CompiledScorecard shortStrings = new ScorecardCompiler(EngineLimits.defaults().withFactLimits(32, 5))
			.compile(Fixtures.scorecard(rule("named", "bronze", "service.name == 'payments'")));
		PreparedSubject prepared = PreparedSubject.of(subject(), NOW);
		this.other.evaluate(prepared, List.of(), FactsRead.EVERY_RULE);
		RuleResult named = shortStrings.evaluate(prepared, List.of(), FactsRead.EVERY_RULE).results().get(0);
		assertThat(named.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(named.reason()).contains("the limit is 5");
	}

	@Test
	void onlyRulesThatDidNotPassReportTheirFactsWhenAskedSo() {
		Evaluation every = this.scorecard.evaluate(PreparedSubject.of(subject(), NOW), List.of(WAIVER),
				FactsRead.EVERY_RULE);
		Evaluation notPassed = this.scorecard.evaluate(PreparedSubject.of(subject(), NOW), List.of(WAIVER),
				FactsRead.RULES_NOT_PASSED);
		assertThat(notPassed.results()).hasSameSizeAs(every.results());
		for (int i = 0; i < every.results().size(); i++) {
			RuleResult full = every.results().get(i);
			RuleResult lean = notPassed.results().get(i);
			assertThat(lean.outcome()).isEqualTo(full.outcome());
			assertThat(lean.reason()).isEqualTo(full.reason());
			assertThat(lean.facts()).isEqualTo((full.outcome() == Outcome.PASS) ? List.of() : full.facts());
		}
		assertThat(every.results()).extracting(RuleResult::outcome)
			.containsExactly(Outcome.PASS, Outcome.FAIL, Outcome.ERROR, Outcome.WAIVED, Outcome.UPCOMING, Outcome.PASS);
		assertThat(every.results().get(0).facts()).isNotEmpty();
		assertThat(notPassed.levelAchieved()).isEqualTo(every.levelAchieved());
		assertThat(notPassed.ready()).isEqualTo(every.ready());
	}

}
