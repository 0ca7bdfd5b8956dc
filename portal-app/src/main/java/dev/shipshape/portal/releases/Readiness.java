package dev.shipshape.portal.releases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.shipshape.catalog.ServiceSnapshot;
import dev.shipshape.catalog.ServiceSnapshots;
import dev.shipshape.portal.releases.ReadinessVerdict.RuleVerdict;
import dev.shipshape.portal.releases.ReadinessVerdict.ScorecardUsed;
import dev.shipshape.portal.releases.ReleaseStore.Row;
import dev.shipshape.portal.scorecards.ActiveScorecards;
import dev.shipshape.portal.scorecards.ActiveScorecards.ActiveScorecard;
import dev.shipshape.portal.scorecards.Subjects;
import dev.shipshape.portal.scorecards.WaiverLookup;
import dev.shipshape.portal.scorecards.WaiverLookup.ScopedWaiver;
import dev.shipshape.scorecard.Evaluation;
import dev.shipshape.scorecard.Outcome;
import dev.shipshape.scorecard.RuleResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates a release against every active scorecard with the service's facts, the release's
 * facts, the exceptions in force and the clock's current instant. Nothing is cached between calls:
 * the verdict is exact at the moment it is given.
 */
@Service
@Transactional(readOnly = true)
public class Readiness {

	private final Releases releases;

	private final ServiceSnapshots services;

	private final ActiveScorecards scorecards;

	private final WaiverLookup waivers;

	private final Clock clock;

	private final Timer evaluations;

	Readiness(Releases releases, ServiceSnapshots services, ActiveScorecards scorecards, WaiverLookup waivers,
			Clock clock, MeterRegistry meters) {
		this.releases = releases;
		this.services = services;
		this.scorecards = scorecards;
		this.waivers = waivers;
		this.clock = clock;
		this.evaluations = Timer.builder("shipshape.readiness.evaluation")
			.description("Time to evaluate a release's readiness against every active scorecard")
			.register(meters);
	}

	public ReadinessVerdict evaluate(String serviceName, String version) {
		return evaluateRelease(serviceName, version).verdict();
	}

	/** The verdict with everything it was computed from, for a decision to record. */
	Evaluated evaluateRelease(String serviceName, String version) {
		return this.evaluations.record(() -> evaluateNow(serviceName, version));
	}

	private Evaluated evaluateNow(String serviceName, String version) {
		Row release = this.releases.row(serviceName, version);
		ServiceSnapshot service = this.services.find(List.of(serviceName)).get(0);
		Instant now = this.clock.instant();
		List<ScopedWaiver> live = this.waivers.liveFor(List.of(service.key()), now);
		Subjects.ReleaseFields fields = new Subjects.ReleaseFields(release.view().version(), release.view().commit(),
				release.view().environment(), release.view().createdAt(), release.view().facts());
		List<RuleVerdict> blocking = new ArrayList<>();
		List<RuleVerdict> passed = new ArrayList<>();
		List<RuleVerdict> waived = new ArrayList<>();
		List<RuleVerdict> aspirational = new ArrayList<>();
		List<RuleVerdict> upcoming = new ArrayList<>();
		List<ScorecardUsed> used = new ArrayList<>();
		List<ScopedWaiver> applied = new ArrayList<>();
		for (ActiveScorecard scorecard : this.scorecards.current()) {
			List<ScopedWaiver> scoped = live.stream()
				.filter((waiver) -> waiver.appliesTo(service.key(), scorecard.key(), version))
				.toList();
			Evaluation evaluation = scorecard.compiled()
				.evaluate(Subjects.of(service, fields), scoped.stream().map(ScopedWaiver::waiver).toList(), now);
			used.add(new ScorecardUsed(scorecard.key(), scorecard.compiled().scorecard().name(), scorecard.version(),
					evaluation.applicable(), evaluation.levelAchieved(), evaluation.ready()));
			for (RuleResult result : evaluation.results()) {
				RuleVerdict verdict = verdict(scorecard, result);
				switch (result.outcome()) {
					case NOT_APPLICABLE -> {
					}
					case UPCOMING -> upcoming.add(verdict);
					case WAIVED -> {
						waived.add(verdict);
						scoped.stream()
							.filter((waiver) -> waiver.waiver().ruleKey().equals(result.ruleKey()))
							.forEach(applied::add);
					}
					default -> {
						if (!result.blocking()) {
							aspirational.add(verdict);
						}
						else if (result.outcome().isMissed()) {
							blocking.add(verdict);
						}
						else {
							passed.add(verdict);
						}
					}
				}
			}
		}
		Verdict verdict = blocking.isEmpty() ? Verdict.READY : Verdict.BLOCKED;
		return new Evaluated(release, service, new ReadinessVerdict(release.view().service(), version, verdict, blocking,
				passed, waived, aspirational, upcoming, used, now), applied);
	}

	private static RuleVerdict verdict(ActiveScorecard scorecard, RuleResult result) {
		boolean waived = result.outcome() == Outcome.WAIVED && result.waiver() != null;
		return new RuleVerdict(scorecard.key(), scorecard.compiled().scorecard().name(), result.ruleKey(), result.title(),
				result.level(), result.outcome(), result.reason(), result.facts(), result.remediation(),
				waived ? result.waiver().id() : null, waived ? result.waiver().expiresAt() : null);
	}

	/** A verdict and its inputs. */
	record Evaluated(Row release, ServiceSnapshot service, ReadinessVerdict verdict, List<ScopedWaiver> applied) {
	}
}
