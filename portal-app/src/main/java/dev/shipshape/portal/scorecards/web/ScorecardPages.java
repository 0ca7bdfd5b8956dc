package dev.shipshape.portal.scorecards.web;

import dev.shipshape.portal.scorecards.ScorecardManagement;
import dev.shipshape.portal.scorecards.ScorecardProblems;
import dev.shipshape.portal.scorecards.ScorecardViews.ScorecardDetails;

/** What the scorecard pages share. */
final class ScorecardPages {

	private ScorecardPages() {
	}

	/** The scorecard, or the not-found page. */
	static ScorecardDetails find(ScorecardManagement scorecards, String key) {
		return scorecards.find(key)
			.orElseThrow(() -> new ScorecardProblems.NotFound("No scorecard with the key '" + key + "'"));
	}
}
