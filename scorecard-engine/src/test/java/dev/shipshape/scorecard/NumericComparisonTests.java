package dev.shipshape.scorecard;

import static dev.shipshape.scorecard.Fixtures.evaluateOne;
import static dev.shipshape.scorecard.Fixtures.facts;
import static dev.shipshape.scorecard.Fixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * JSON numbers reach the engine as Integer, Long or Double depending on how they were written
 * ({@code 50} or {@code 83.5}); rules must not care.
 */
class NumericComparisonTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			1 == 1.0            | PASS
			1.0 == 1            | PASS
			1 != 1.0            | FAIL
			2 == 2.5            | FAIL
			1 < 1.5             | PASS
			2.5 >= 2            | PASS
			dyn(1) == 1.0       | PASS
			[1, 2.0].exists(x, x == 2) | PASS
			9007199254740993 == 9007199254740992.0 | PASS
			""")
	void literalsCompareOnOneNumberLine(String expression, Outcome expected) {
		assertThat(evaluateOne(expression, subject()).outcome()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			50      | service.facts.coverage >= 80.0 | FAIL
			80      | service.facts.coverage >= 80.0 | PASS
			83.5    | service.facts.coverage >= 80.0 | PASS
			79.99   | service.facts.coverage >= 80.0 | FAIL
			80      | service.facts.coverage >= 80   | PASS
			80.0    | service.facts.coverage == 80   | PASS
			80      | service.facts.coverage == 80.0 | PASS
			0       | service.facts.coverage == 0    | PASS
			0.0     | service.facts.coverage == 0    | PASS
			0.5     | service.facts.coverage > 0     | PASS
			""")
	void factsCompareWhetherWholeOrNot(String json, String expression, Outcome expected) {
		for (Object coverage : numbersLike(json)) {
			Subject subject = subject();
			facts(subject.service()).put("coverage", coverage);
			assertThat(evaluateOne(expression, subject).outcome()).as("%s as %s", json, coverage.getClass().getSimpleName())
				.isEqualTo(expected);
		}
	}

	@Test
	void intAndDoubleFactsCompareWithEachOther() {
		Subject subject = subject();
		facts(subject.service()).put("target", 80);
		facts(subject.service()).put("coverage", 80.0);
		assertThat(evaluateOne("service.facts.coverage >= service.facts.target", subject).outcome()).isEqualTo(Outcome.PASS);
		assertThat(evaluateOne("service.facts.coverage == service.facts.target", subject).outcome()).isEqualTo(Outcome.PASS);
	}

	@Test
	void factValuesAreShownAsCelSawThem() {
		Subject subject = subject();
		facts(subject.service()).put("coverage", 50);
		RuleResult result = evaluateOne("service.facts.coverage >= 80.0", subject);
		assertThat(result.facts()).containsExactly(new FactValue("service.facts.coverage", 50L, true));
	}

	@Test
	void tierIsAnIntWhateverItsJavaType() {
		Subject subject = subject();
		subject.service().put("tier", (short) 2);
		assertThat(evaluateOne("service.tier == 2 && service.tier in [1, 2]", subject).outcome()).isEqualTo(Outcome.PASS);
		subject.service().put("tier", 2.0f);
		assertThat(evaluateOne("service.tier == 2", subject).outcome()).isEqualTo(Outcome.PASS);
	}

	@Test
	void nestedListsAndMapsAreConvertedToo() {
		Subject subject = subject();
		facts(subject.service()).put("history", java.util.List.of(Map.of("coverage", 70), Map.of("coverage", 90.5)));
		assertThat(evaluateOne("service.facts.history.exists(h, h.coverage >= 90.0)", subject).outcome())
			.isEqualTo(Outcome.PASS);
		assertThat(evaluateOne("service.facts.history.all(h, h.coverage >= 70)", subject).outcome())
			.isEqualTo(Outcome.PASS);
	}

	private static Object[] numbersLike(String json) {
		if (json.contains(".")) {
			return new Object[] { Double.valueOf(json), new BigDecimal(json), Float.valueOf(json) };
		}
		return new Object[] { Integer.valueOf(json), Long.valueOf(json), new BigInteger(json), Double.valueOf(json) };
	}

}
