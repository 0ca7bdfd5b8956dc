package dev.shipshape.portal.scorecards;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.shipshape.scorecard.FactValue;
import dev.shipshape.scorecard.Outcome;
import dev.shipshape.scorecard.RuleResult;
import dev.shipshape.scorecard.Waiver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredRuleDigestTests {

	private static final Waiver WAIVER = new Waiver("EX-1", "coverage", Instant.parse("2026-12-01T00:00:00Z"));

	@Test
	void equalRulesHaveEqualDigests() {
		assertThat(digest(failing(80L), passing("runbook"))).isEqualTo(digest(failing(80L), passing("runbook")));
	}

	@Test
	void whatAStoredRuleKeepsChangesTheDigest() {
		String digest = digest(failing(80L), passing("runbook"));
		assertThat(digest).isNotEqualTo(digest(failing(81L), passing("runbook")));
		assertThat(digest).as("1 and 1.0 are stored differently").isNotEqualTo(digest(failing(80.0), passing("runbook")));
		assertThat(digest).isNotEqualTo(digest(failing("80"), passing("runbook")));
		assertThat(digest).isNotEqualTo(digest(failing(List.of(80L)), passing("runbook")));
		assertThat(digest).isNotEqualTo(digest(failing(Map.of("value", 80L)), passing("runbook")));
		assertThat(digest).isNotEqualTo(digest(passing("runbook"), failing(80L)));
		assertThat(digest).isNotEqualTo(digest(failing(80L), passing("runbooks")));
		assertThat(digest).isNotEqualTo(digest(failing(80L)));
		assertThat(digest).isNotEqualTo(digest(result("coverage", Outcome.ERROR, "missing fact", 80L, null),
				passing("runbook")));
		assertThat(digest).isNotEqualTo(digest(result("coverage", Outcome.WAIVED, null, 80L, WAIVER), passing("runbook")));
		assertThat(digest(failing("café"))).isNotEqualTo(digest(failing("cafe")));
	}

	@Test
	void factsOfPassingRulesAreNotStoredAndDoNotCount() {
		assertThat(digest(result("runbook", Outcome.PASS, null, "https://runbook", null)))
			.isEqualTo(digest(result("runbook", Outcome.PASS, null, "https://other", null)));
	}

	@Test
	void aTextCannotPassForTwoTexts() {
		assertThat(digest(result("a", Outcome.ERROR, "bc", 1L, null)))
			.isNotEqualTo(digest(result("ab", Outcome.ERROR, "c", 1L, null)));
	}

	private static RuleResult passing(String key) {
		return result(key, Outcome.PASS, null, "https://" + key, null);
	}

	private static RuleResult failing(Object coverage) {
		return result("coverage", Outcome.FAIL, null, coverage, null);
	}

	private static RuleResult result(String key, Outcome outcome, String reason, Object fact, Waiver waiver) {
		return new RuleResult(key, "Title", "bronze", outcome, reason,
				List.of(new FactValue("service.facts." + key, fact, true)), null, waiver, true);
	}

	private static String digest(RuleResult... rules) {
		return HexFormat.of().formatHex(StoredRuleDigest.of(Arrays.asList(rules)));
	}

}
