package dev.shipshape.scorecard;

import static dev.shipshape.scorecard.Fixtures.COMPILER;
import static dev.shipshape.scorecard.Fixtures.LEVELS;
import static dev.shipshape.scorecard.Fixtures.rule;
import static dev.shipshape.scorecard.Fixtures.scorecard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScorecardCompilerTests {

	@Test
	void validScorecardHasNoDiagnostics() {
		Scorecard scorecard = scorecard(rule("a", "bronze", "service.owner != \"\""),
				rule("b", "gold", "release.facts.coverage >= 80.0"));
		assertThat(COMPILER.validate(scorecard)).isEmpty();
		assertThat(COMPILER.compile(scorecard).scorecard()).isSameAs(scorecard);
	}

	@Test
	void syntaxErrorHasLineAndColumn() {
		List<Diagnostic> diagnostics = COMPILER.validate(scorecard(rule("a", "bronze", "service.owner !=")));
		assertThat(diagnostics).hasSize(1);
		Diagnostic diagnostic = diagnostics.get(0);
		assertThat(diagnostic.ruleKey()).isEqualTo("a");
		assertThat(diagnostic.line()).isEqualTo(1);
		assertThat(diagnostic.column()).isEqualTo(17);
		assertThat(diagnostic.message()).startsWith("mismatched input '<EOF>'");
	}

	@Test
	void unknownVariableIsReportedWhereItIs() {
		List<Diagnostic> diagnostics = COMPILER
			.validate(scorecard(rule("a", "bronze", "service.owner != \"\" &&\n  relase.facts.testsPassed")));
		assertThat(diagnostics).containsExactly(new Diagnostic("a", 2, 3, "undeclared reference to 'relase' (in container '')"));
	}

	@Test
	void unknownFunctionAndMacroAreRefused() {
		assertThat(COMPILER.validateExpression("a", "service.tags.sortBy(t, t) == []")).isNotEmpty()
			.first()
			.satisfies((d) -> assertThat(d.message()).contains("undeclared reference to 'sortBy'"));
		assertThat(COMPILER.validateExpression("a", "service.tags.map(i, t, t) == []")).isNotEmpty();
	}

	@Test
	void nonBooleanExpressionIsRefused() {
		assertThat(COMPILER.validateExpression("a", "service.tier + 1"))
			.containsExactly(new Diagnostic("a", 1, 14, "expected type 'bool' but found 'int'"));
		assertThat(COMPILER.validateExpression("a", "\"yes\"")).hasSize(1);
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		Scorecard scorecard = scorecard(rule("a", "bronze", "1 +"), rule("b", "bronze", "true"),
				rule("c", "bronze", "nope"));
		assertThat(COMPILER.validate(scorecard)).extracting(Diagnostic::ruleKey).containsExactly("a", "c");
	}

	@Test
	void compileThrowsWithTheDiagnostics() {
		Scorecard scorecard = scorecard(rule("a", "bronze", "nope"));
		assertThatExceptionOfType(ScorecardCompilationException.class).isThrownBy(() -> COMPILER.compile(scorecard))
			.satisfies((ex) -> {
				assertThat(ex.scorecardKey()).isEqualTo("test");
				assertThat(ex.diagnostics()).hasSize(1);
				assertThat(ex.getMessage()).contains("rule 'a' at 1:1: undeclared reference to 'nope'");
			});
	}

	@Test
	void overLongExpressionIsRefusedWithoutParsing() {
		String expression = "service.name == \"" + "x".repeat(2_000) + "\"";
		List<Diagnostic> diagnostics = COMPILER.validateExpression("a", expression);
		assertThat(diagnostics).containsExactly(new Diagnostic("a", 1, 2_001,
				"expression is " + expression.length() + " characters long; the limit is 2000"));
	}

	@Test
	void lengthLimitIsConfigurable() {
		ScorecardCompiler strict = new ScorecardCompiler(EngineLimits.defaults().withMaxExpressionLength(10));
		assertThat(strict.validateExpression("a", "1 == 1")).isEmpty();
		assertThat(strict.validateExpression("a", "true ||\n false || true")).singleElement()
			.satisfies((d) -> assertThat(d.line()).isEqualTo(2));
	}

	@Test
	void deeplyNestedExpressionIsRefused() {
		String lists = "[".repeat(40) + "]".repeat(40) + " == []";
		String sums = "1 + (".repeat(60) + "1" + ")".repeat(60) + " > 0";
		for (String expression : List.of(lists, sums)) {
			assertThat(COMPILER.validateExpression("a", expression)).singleElement()
				.satisfies((d) -> assertThat(d.message()).isEqualTo("expression is nested too deeply; the limit is 32 levels"));
		}
	}

	@Test
	void veryDeeplyNestedExpressionDoesNotOverflowTheStack() {
		ScorecardCompiler lenient = new ScorecardCompiler(EngineLimits.defaults().withMaxExpressionLength(20_000));
		for (String expression : List.of("(".repeat(5_000) + "true" + ")".repeat(5_000),
				"-(".repeat(3_000) + "1" + ")".repeat(3_000) + " > 0", "[".repeat(5_000) + "]".repeat(5_000) + " == []",
				"service" + ".a".repeat(5_000) + " == 1")) {
			assertThat(lenient.validateExpression("a", expression)).singleElement()
				.satisfies((d) -> assertThat(d.message()).isEqualTo("expression is nested too deeply; the limit is 32 levels"));
		}
	}

	@Test
	void invalidRegexLiteralIsRefused() {
		assertThat(COMPILER.validateExpression("a", "service.name.matches('[')")).singleElement()
			.satisfies((d) -> {
				assertThat(d.column()).isEqualTo(22);
				assertThat(d.message()).isEqualTo("invalid regular expression: error parsing regexp: missing closing ]: `[`");
			});
	}

	@Test
	void regexLiteralRe2CannotRunIsRefused() {
		assertThat(COMPILER.validateExpression("a", "matches(service.name, '(?=a)b')")).singleElement()
			.satisfies((d) -> assertThat(d.message()).startsWith("invalid regular expression: "));
		assertThat(COMPILER.validateExpression("a", "service.name.matches('(a)\\\\1')")).hasSize(1);
	}

	@Test
	void tooComplexRegexLiteralIsRefused() {
		assertThat(COMPILER.validateExpression("a", "service.name.matches('a{1000}')")).singleElement()
			.satisfies((d) -> assertThat(d.message()).isEqualTo(
					"regular expression is too complex: its RE2 program has 1002 instructions; the limit is 1000"));
		assertThat(COMPILER.validateExpression("a", "service.name.matches('^[a-z][a-z0-9-]{0,62}$')")).isEmpty();
	}

	@Test
	void blankExpressionIsRefused() {
		assertThat(COMPILER.validateExpression("a", "  ")).containsExactly(Diagnostic.ofRule("a", "expression is blank"));
		assertThat(COMPILER.validateExpression("a", null)).hasSize(1);
	}

	@Test
	void appliesToIsCompiledWithoutRelease() {
		Scorecard scorecard = new Scorecard("s", "S", null, "release.facts.testsPassed", LEVELS,
				List.of(rule("a", "bronze", "true")));
		assertThat(COMPILER.validate(scorecard))
			.containsExactly(new Diagnostic("appliesTo", 1, 1, "undeclared reference to 'release' (in container '')"));
		Scorecard notBoolean = new Scorecard("s", "S", null, "size(service.tags)", LEVELS,
				List.of(rule("a", "bronze", "true")));
		assertThat(COMPILER.validate(notBoolean)).singleElement()
			.satisfies((d) -> assertThat(d.ruleKey()).isEqualTo(Diagnostic.APPLIES_TO));
	}

	@Test
	void blankAppliesToAppliesToAll() {
		Scorecard scorecard = new Scorecard("s", "S", null, "  ", LEVELS, List.of(rule("a", "bronze", "true")));
		assertThat(COMPILER.compile(scorecard).evaluate(Fixtures.subject(), null, Fixtures.NOW).applicable()).isTrue();
	}

	@Test
	void structureIsChecked() {
		List<Rule> rules = new ArrayList<>();
		rules.add(rule("a", "bronze", "true"));
		rules.add(rule("a", "bronze", "true"));
		rules.add(rule("b", "platinum", "true"));
		rules.add(new Rule("c", " ", null, "bronze", "true", null, null));
		rules.add(rule("", "bronze", "true"));
		rules.add(rule("no spaces", "bronze", "true"));
		Scorecard scorecard = new Scorecard(" ", "", null, null,
				List.of(new Level("bronze", "Minimum bar", true), new Level("Bronze", "Again", false)), rules);
		assertThat(COMPILER.validate(scorecard)).containsExactly(Diagnostic.ofScorecard("scorecard key is blank"),
				Diagnostic.ofScorecard("scorecard name is blank"),
				Diagnostic.ofScorecard("level #2 repeats the key 'Bronze'"),
				Diagnostic.ofRule("a", "rule #2 repeats the key 'a'"),
				Diagnostic.ofRule("b", "level 'platinum' is not a level of this scorecard"),
				Diagnostic.ofRule("c", "title is blank"), Diagnostic.ofScorecard("rule #5 key is blank"),
				Diagnostic.ofScorecard(
						"rule #6 key 'no spaces' must be 1 to 63 letters or digits, separated by single '-', '_' or '.'"));
	}

	@Test
	void atLeastOneLevelIsNeeded() {
		Scorecard scorecard = new Scorecard("s", "S", null, null, List.of(), List.of());
		assertThat(COMPILER.validate(scorecard))
			.containsExactly(Diagnostic.ofScorecard("the scorecard has no level; it needs at least one"));
	}

	@Test
	void scorecardWithoutRulesIsValid() {
		Scorecard scorecard = new Scorecard("s", "S", null, null, LEVELS, List.of());
		Evaluation evaluation = COMPILER.compile(scorecard).evaluate(Fixtures.subject(), null, Fixtures.NOW);
		assertThat(evaluation.ready()).isTrue();
		assertThat(evaluation.levelAchieved()).isEqualTo("gold");
	}

	@Test
	void numberOfRulesIsLimited() {
		List<Rule> rules = new ArrayList<>();
		for (int i = 0; i <= EngineLimits.defaults().maxRules(); i++) {
			rules.add(rule("r" + i, "bronze", "true"));
		}
		assertThat(COMPILER.validate(scorecard(rules.toArray(Rule[]::new))))
			.containsExactly(Diagnostic.ofScorecard("the scorecard has 501 rules; the limit is 500"));
	}

	@Test
	void diagnosticsPrintWhereTheyAre() {
		assertThat(new Diagnostic("a", 2, 3, "bad")).hasToString("rule 'a' at 2:3: bad");
		assertThat(new Diagnostic("appliesTo", 1, 1, "bad")).hasToString("appliesTo at 1:1: bad");
		assertThat(Diagnostic.ofScorecard("bad")).hasToString("scorecard: bad");
	}

}
