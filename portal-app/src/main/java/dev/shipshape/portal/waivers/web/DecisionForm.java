package dev.shipshape.portal.waivers.web;

import java.time.Duration;

import dev.shipshape.waivers.Approval;

/**
 * What an SRE sends with a decision: a comment (the reason, to reject or revoke) and, to approve for
 * less time than asked, a number of days.
 */
record DecisionForm(String comment, Integer shorterDays) {

	Approval approval() {
		return new Approval((this.shorterDays != null) ? Duration.ofDays(this.shorterDays) : null, null, this.comment);
	}
}
