package dev.shipshape.portal.scorecards.web;

import java.util.List;

import dev.shipshape.portal.scorecards.NewScorecardForm;
import dev.shipshape.scorecard.Level;
import dev.shipshape.scorecard.ReferenceScorecards;
import dev.shipshape.scorecard.Scorecard;

/**
 * A new scorecard on the page: its key, name and owner, starting either with the usual three levels
 * and no rule, or with a copy of the reference production readiness rules.
 */
record NewScorecardPageForm(String key, String name, String description, String ownerTeam, Boolean fromReference) {

	static NewScorecardPageForm empty(String ownerTeam) {
		return new NewScorecardPageForm(null, null, null, ownerTeam, false);
	}

	NewScorecardForm toNewScorecardForm() {
		Scorecard start = Boolean.TRUE.equals(this.fromReference) ? ReferenceScorecards.productionReadiness() : emptyScorecard();
		String owner = (this.ownerTeam == null || this.ownerTeam.isBlank()) ? null : this.ownerTeam.trim();
		return NewScorecardForm.of(new Scorecard(trim(this.key), trim(this.name), this.description, start.appliesTo(),
				start.levels(), start.rules()), owner);
	}

	private static Scorecard emptyScorecard() {
		return new Scorecard(null, null, null, null, List.of(new Level("bronze", "Minimum bar", true),
				new Level("silver", "Silver", false), new Level("gold", "Gold", false)), List.of());
	}

	private static String trim(String value) {
		return (value != null) ? value.trim() : null;
	}
}
