package dev.shipshape.portal.scorecards.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import dev.shipshape.portal.scorecards.ScorecardForm;
import dev.shipshape.portal.scorecards.web.DraftPageForm.LevelRow;
import dev.shipshape.portal.scorecards.web.DraftPageForm.RuleRow;
import dev.shipshape.scorecard.Diagnostic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DraftPageFormTests {

	@Test
	void rowsRemovedInTheBrowserLeaveNoGapAndDatesMeanMidnightUtc() {
		RuleRow rule = new RuleRow("signed", "Signed", null, "silver", "true", null, LocalDate.of(2027, 3, 1));
		DraftPageForm form = new DraftPageForm("Readiness", null, " platform ", null,
				Arrays.asList(new LevelRow("bronze", "Bronze", true), null, new LevelRow("silver", "Silver", null)),
				Arrays.asList(null, rule), 4L);

		ScorecardForm content = form.toScorecardForm(null);

		assertThat(content.levels()).extracting(ScorecardForm.LevelForm::blocking).containsExactly(true, false);
		assertThat(content.rules()).singleElement()
			.extracting(ScorecardForm.RuleForm::effectiveFrom)
			.isEqualTo(Instant.parse("2027-03-01T00:00:00Z"));
		assertThat(content.ownerTeam()).isEqualTo("platform");
		assertThat(content.lockVersion()).isEqualTo(4L);
		assertThat(form.toScorecardForm(9L).lockVersion()).isEqualTo(9L);
	}

	@Test
	void aRuleOffersTheFormsLevelsAndKeepsALevelThatIsGone() {
		DraftPageForm form = new DraftPageForm("R", null, null, null,
				List.of(new LevelRow("bronze", "Bronze", true), new LevelRow("", "", false)), List.of(), null);

		assertThat(form.levelOptions(RuleRow.empty("platinum"))).containsExactly("bronze", "platinum");
		assertThat(form.withRule().rules()).singleElement().extracting(RuleRow::level).isEqualTo("bronze");
		assertThat(form.withRule().withoutRule(0).rules()).isEmpty();
		assertThat(form.withLevel().withoutLevel(0).levels()).extracting(LevelRow::key).containsExactly("", null);
	}

	@Test
	void diagnosticsGoNextToTheirRuleWithACaretUnderTheColumn() {
		DraftPageForm form = new DraftPageForm("R", null, null, "service.tier >", List.of(),
				List.of(new RuleRow("covered", "Covered", null, "bronze", "service.facts.coverage >=\n  'high'", null, null)),
				null);

		DraftDiagnostics diagnostics = DraftDiagnostics.of(List.of(new Diagnostic("covered", 2, 3, "no such overload"),
				new Diagnostic(Diagnostic.APPLIES_TO, 1, 15, "mismatched input"), new Diagnostic(null, 0, 0, "no levels"),
				new Diagnostic("gone", 1, 1, "unknown level")), form);

		assertThat(diagnostics.forRule("covered")).singleElement().satisfies((shown) -> {
			assertThat(shown.position()).isEqualTo("line 2, column 3");
			assertThat(shown.sourceLine()).isEqualTo("  'high'");
			assertThat(shown.caret()).isEqualTo("  ^");
		});
		assertThat(diagnostics.appliesTo()).singleElement().extracting(DraftDiagnostics.Shown::caret).isEqualTo(" ".repeat(14) + "^");
		assertThat(diagnostics.scorecard()).extracting(DraftDiagnostics.Shown::message)
			.containsExactly("scorecard: no levels", "rule 'gone' at 1:1: unknown level");
		assertThat(diagnostics.count()).isEqualTo(4);
	}
}
