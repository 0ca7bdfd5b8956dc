package dev.shipshape.portal.waivers.web;

import java.time.Duration;

import dev.shipshape.waivers.ExceptionTarget;
import dev.shipshape.waivers.ExceptionTerms;
import dev.shipshape.waivers.ExceptionView;

/**
 * The request form of the pages, also used to extend an exception. The duration is in days;
 * {@code grant} lets an SRE grant at once.
 */
record ExceptionPageForm(String service, String scorecard, String rule, String release, String reason,
		String riskAssessment, String followUp, Integer durationDays, Boolean grant) {

	/** Pre-filled from a failing rule. */
	static ExceptionPageForm of(String service, String scorecard, String rule, String release, int defaultDays) {
		return new ExceptionPageForm(service, scorecard, rule, release, null, null, null, defaultDays, false);
	}

	/** An extension starts from what the extended exception said. */
	static ExceptionPageForm extending(ExceptionView exception, int defaultDays) {
		return new ExceptionPageForm(exception.service(), exception.scorecard(), exception.rule(), exception.release(),
				exception.reason(), exception.riskAssessment(), exception.followUp(), defaultDays, false);
	}

	boolean grantsNow() {
		return Boolean.TRUE.equals(this.grant);
	}

	ExceptionTarget target() {
		return new ExceptionTarget(this.service, this.scorecard, this.rule, this.release);
	}

	ExceptionTerms terms() {
		return new ExceptionTerms(this.reason, this.riskAssessment, this.followUp,
				(this.durationDays != null) ? Duration.ofDays(this.durationDays) : null, null);
	}
}
