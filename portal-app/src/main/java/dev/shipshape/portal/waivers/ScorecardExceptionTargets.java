package dev.shipshape.portal.waivers;

import java.time.Clock;
import java.util.List;

import dev.shipshape.catalog.ServiceSnapshot;
import dev.shipshape.catalog.ServiceSnapshots;
import dev.shipshape.portal.releases.ReleaseProblems;
import dev.shipshape.portal.releases.ReleaseView;
import dev.shipshape.portal.releases.Releases;
import dev.shipshape.portal.scorecards.ActiveScorecards;
import dev.shipshape.portal.scorecards.ActiveScorecards.ActiveScorecard;
import dev.shipshape.portal.scorecards.Subjects;
import dev.shipshape.scorecard.Rule;
import dev.shipshape.waivers.ExceptionProblems;
import dev.shipshape.waivers.ExceptionTarget;
import dev.shipshape.waivers.ExceptionTargets;

import org.springframework.stereotype.Component;

/**
 * Checks what an exception would waive against the catalog and the published scorecards: the
 * service exists, the scorecard is published and has the rule, its applies-to filter takes the
 * service in, and a rule that reads the release is waived for a registered release.
 */
@Component
class ScorecardExceptionTargets implements ExceptionTargets {

	private final ServiceSnapshots services;

	private final ActiveScorecards scorecards;

	private final Releases releases;

	private final Clock clock;

	ScorecardExceptionTargets(ServiceSnapshots services, ActiveScorecards scorecards, Releases releases, Clock clock) {
		this.services = services;
		this.scorecards = scorecards;
		this.releases = releases;
		this.clock = clock;
	}

	@Override
	public ExceptionTarget verify(ExceptionTarget target) {
		ServiceSnapshot service = this.services.find(List.of(target.service()))
			.stream()
			.findFirst()
			.orElseThrow(() -> invalid("service", "no service named '" + target.service() + "' in the catalog"));
		ActiveScorecard scorecard = this.scorecards.current()
			.stream()
			.filter((active) -> active.key().equals(target.scorecard()))
			.findFirst()
			.orElseThrow(() -> invalid("scorecard", "no published scorecard '" + target.scorecard() + "'"));
		Rule rule = scorecard.compiled()
			.scorecard()
			.rules()
			.stream()
			.filter((candidate) -> candidate.key().equals(target.rule()))
			.findFirst()
			.orElseThrow(() -> invalid("rule", "scorecard '" + scorecard.key() + "' has no rule '" + target.rule() + "'"));
		if (!scorecard.compiled().evaluate(Subjects.of(service), List.of(), this.clock.instant()).applicable()) {
			throw invalid("rule", "rule '" + rule.key() + "' does not apply to " + service.name() + ": the applies-to filter of '"
					+ scorecard.key() + "' leaves it out");
		}
		if (target.release() == null && scorecard.compiled().isReleaseRule(rule.key())) {
			throw invalid("release", "rule '" + rule.key() + "' is checked on releases only: name the release to waive it for");
		}
		String release = (target.release() != null) ? release(service, target.release()).version() : null;
		return new ExceptionTarget(service.name(), scorecard.key(), rule.key(), release);
	}

	private ReleaseView release(ServiceSnapshot service, String version) {
		try {
			return this.releases.find(service.name(), version);
		}
		catch (ReleaseProblems.NotFound ex) {
			throw invalid("release", service.name() + " has no release '" + version + "'");
		}
	}

	private static ExceptionProblems.Invalid invalid(String field, String message) {
		return new ExceptionProblems.Invalid(field, message);
	}
}
