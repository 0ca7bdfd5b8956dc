package dev.shipshape.scorecard;

import static dev.shipshape.scorecard.Fixtures.NOW;
import static dev.shipshape.scorecard.Fixtures.evaluateOne;
import static dev.shipshape.scorecard.Fixtures.facts;
import static dev.shipshape.scorecard.Fixtures.rule;
import static dev.shipshape.scorecard.Fixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Rules and subjects that try to crash or hang the engine end in a diagnostic or an ERROR, quickly. */
class BadInputTests {

	private static final String TEN = "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]";

	@Test
	void nestedComprehensionsStopAtTheIterationLimit() {
		String expression = TEN + ".all(a, " + TEN + ".all(b, " + TEN + ".all(c, " + TEN + ".all(d, true))))";
		RuleResult result = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> evaluateOne(expression, subject()));
		assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(result.reason()).isEqualTo("evaluation exceeded the limit of 1000 comprehension iterations");
	}

	@Test
	void expensiveRegexOnAHugeStringStopsAtTheTimeLimit() {
		ScorecardCompiler compiler = new ScorecardCompiler(
				EngineLimits.defaults().withMaxEvaluationTime(Duration.ofMillis(200)).withMaxComprehensionIterations(100_000));
		Subject subject = subject();
		subject.service().put("description", "x".repeat(100_000));
		String expression = TEN + ".all(a, " + TEN + ".all(b, " + TEN
				+ ".all(c, !service.description.matches(\"(x+x+)+y\"))))";
		CompiledScorecard compiled = compiler.compile(Fixtures.scorecard(rule("r", "bronze", expression)));
		RuleResult result = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> compiled.evaluate(subject, List.of(), NOW).results().get(0));
		assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(result.reason()).isEqualTo("evaluation exceeded the time limit of 200 ms");
	}

	@Test
	void evaluationStopsAtTheStepLimit() {
		ScorecardCompiler compiler = new ScorecardCompiler(EngineLimits.defaults().withMaxEvaluationSteps(500));
		String expression = TEN + ".all(a, " + TEN + ".all(b, a + b >= 0))";
		CompiledScorecard compiled = compiler.compile(Fixtures.scorecard(rule("r", "bronze", expression)));
		RuleResult result = compiled.evaluate(subject(), List.of(), NOW).results().get(0);
		assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(result.reason()).isEqualTo("evaluation exceeded the limit of 500 steps");
	}

	@Test
	void growingStringsStayBounded() {
		Subject subject = subject();
		subject.service().put("description", "y".repeat(100_000));
		String expression = TEN + ".map(a, " + TEN + ".map(b, " + TEN
				+ ".map(c, service.description + service.description))).size() > 0";
		RuleResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> evaluateOne(expression, subject));
		assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
	}

	@Test
	void patternTooLargeAtRuntimeIsError() {
		Subject subject = subject();
		facts(subject.service()).put("pattern", "a{1000}");
		RuleResult result = evaluateOne("service.name.matches(service.facts.pattern)", subject);
		assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(result.reason()).contains("Regex pattern exceeds allowed program size");
	}

	@Test
	void invalidPatternAtRuntimeIsError() {
		Subject subject = subject();
		facts(subject.service()).put("pattern", "[");
		RuleResult result = evaluateOne("service.name.matches(service.facts.pattern)", subject);
		assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(result.reason()).contains("missing closing ]");
	}

	@Test
	void hugeStringIsLeftOutAndOnlyItsReadersFail() {
		Subject subject = subject();
		subject.service().put("description", "z".repeat(1_000_000));
		CompiledScorecard compiled = Fixtures.compile(rule("described", "bronze", "size(service.description) > 10"),
				rule("owned", "bronze", "service.owner != \"\""));
		Evaluation evaluation = compiled.evaluate(subject, List.of(), NOW);
		RuleResult described = evaluation.result("described").orElseThrow();
		assertThat(described.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(described.reason())
			.isEqualTo("fact left out: service.description is 1000000 characters long; the limit is 100000");
		assertThat(described.facts()).containsExactly(FactValue.missing("service.description"));
		assertThat(evaluation.result("owned").orElseThrow().outcome()).isEqualTo(Outcome.PASS);
	}

	@Test
	void hugeStringInAListLeavesTheListOut() {
		Subject subject = subject();
		subject.service().put("tags", List.of("ok", "t".repeat(200_000)));
		RuleResult result = evaluateOne("\"ok\" in service.tags", subject);
		assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(result.reason()).isEqualTo("fact left out: service.tags[1] is 200000 characters long; the limit is 100000");
	}

	@Test
	void deeplyNestedFactsAreCutAtTheDepthLimit() {
		Map<String, Object> deep = new HashMap<>();
		Map<String, Object> current = deep;
		for (int i = 0; i < 100_000; i++) {
			Map<String, Object> next = new HashMap<>();
			current.put("a", next);
			current = next;
		}
		Subject subject = subject();
		facts(subject.service()).put("deep", deep);
		assertThat(evaluateOne("service.facts.deep" + ".a".repeat(20) + " != null", subject).outcome())
			.isEqualTo(Outcome.PASS);
		assertThat(evaluateOne("service.owner == \"team-a\"", subject).outcome()).isEqualTo(Outcome.PASS);

		ScorecardCompiler shallow = new ScorecardCompiler(EngineLimits.defaults().withFactLimits(6, 1_000));
		CompiledScorecard compiled = shallow
			.compile(Fixtures.scorecard(rule("deep", "bronze", "service.facts.deep.a.a.a.a != null")));
		RuleResult result = compiled.evaluate(subject, List.of(), NOW).results().get(0);
		assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(result.reason())
			.isEqualTo("fact left out: service.facts.deep.a.a.a.a is nested deeper than 6 levels");
	}

	@Test
	void cyclicFactsDoNotLoop() {
		Map<String, Object> cyclic = new HashMap<>();
		cyclic.put("self", cyclic);
		List<Object> list = new ArrayList<>();
		list.add(list);
		Subject subject = subject();
		facts(subject.service()).put("cyclic", cyclic);
		facts(subject.service()).put("list", list);
		assertThat(evaluateOne("service.facts.coverage > 1.0", subject).outcome()).isEqualTo(Outcome.PASS);
		assertThat(evaluateOne("service.facts.cyclic.self.self != null", subject).outcome()).isEqualTo(Outcome.PASS);
		assertThat(evaluateOne("size(service.facts.list) == 1", subject).outcome()).isEqualTo(Outcome.ERROR);
	}

	@Test
	void unsupportedFactTypeIsLeftOut() {
		Subject subject = subject();
		facts(subject.service()).put("thread", new Object());
		RuleResult result = evaluateOne("service.facts.thread != null", subject);
		assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(result.reason()).isEqualTo("fact left out: service.facts.thread is Object, which rules cannot read");
	}

	@Test
	void oddFactKeysAreQuotedInPaths() {
		Subject subject = subject();
		facts(subject.service()).put("line-coverage", 12);
		RuleResult result = evaluateOne("service.facts[\"line-coverage\"] > 50", subject);
		assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(result.facts()).containsExactly(new FactValue("service.facts[\"line-coverage\"]", 12L, true));
		assertThat(evaluateOne("service.facts.`line-coverage` > 50", subject).outcome()).isEqualTo(Outcome.FAIL);
	}

}
