package dev.shipshape.portal.waivers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.shipshape.catalog.ServiceSnapshot;
import dev.shipshape.catalog.ServiceSnapshots;
import dev.shipshape.portal.database.DatabaseModeEnvironmentPostProcessor;
import dev.shipshape.portal.scorecards.ActiveScorecards;
import dev.shipshape.portal.scorecards.ActiveScorecards.ActiveScorecard;
import dev.shipshape.portal.scorecards.Subjects;
import dev.shipshape.scorecard.Outcome;
import dev.shipshape.waivers.ExceptionProblems;
import dev.shipshape.waivers.ExceptionQuery;
import dev.shipshape.waivers.ExceptionTarget;
import dev.shipshape.waivers.ExceptionTerms;
import dev.shipshape.waivers.WaiverManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Two exceptions for the demo, on rules the demo catalog fails: one granted by the demo SRE that
 * expires in two days (the home page shows it), one requested by the demo engineer (the SRE queue
 * shows it). Only in the embedded default, after the demo data, and only while no exception exists.
 */
@Component
@Profile(DatabaseModeEnvironmentPostProcessor.EMBEDDED_PROFILE)
@Order(20)
class DemoExceptions implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoExceptions.class);

	private final WaiverManagement exceptions;

	private final ActiveScorecards scorecards;

	private final ServiceSnapshots services;

	private final Clock clock;

	DemoExceptions(WaiverManagement exceptions, ActiveScorecards scorecards, ServiceSnapshots services, Clock clock) {
		this.exceptions = exceptions;
		this.scorecards = scorecards;
		this.services = services;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.exceptions.find(ExceptionQuery.all(), PageRequest.of(0, 1)).getTotalElements() > 0) {
			return;
		}
		List<ExceptionTarget> failing = failingRules(2);
		if (failing.size() < 2) {
			return;
		}
		try {
			this.exceptions.grant(failing.get(0), new ExceptionTerms(
					"The fix ships with the platform upgrade planned for this sprint",
					"Low for two days: the service is watched by on-call meanwhile", "https://tickets.example/OPS-101",
					Duration.ofDays(2), null), "sre");
			this.exceptions.request(failing.get(1), new ExceptionTerms("Waiting for the vendor's fix",
					"Low: the affected endpoint is internal only", "Upgrade once the vendor releases 4.2 (OPS-102)",
					Duration.ofDays(7), null), "engineer");
			logger.info("Added two demo exceptions: one in force, one waiting for an SRE");
		}
		catch (ExceptionProblems.Invalid | ExceptionProblems.AlreadyCovered ex) {
			logger.info("Skipped the demo exceptions: {}", ex.getMessage());
		}
	}

	/** Service-level rules at blocking levels that demo services fail, each on another service. */
	private List<ExceptionTarget> failingRules(int wanted) {
		List<ExceptionTarget> failing = new ArrayList<>();
		Instant now = this.clock.instant();
		List<ActiveScorecard> active = this.scorecards.current();
		this.services.forEachBatch(100, (batch) -> {
			for (ServiceSnapshot service : batch) {
				if (failing.size() < wanted) {
					firstFailure(service, active, now).ifPresent(failing::add);
				}
			}
		});
		return failing;
	}

	private static Optional<ExceptionTarget> firstFailure(ServiceSnapshot service, List<ActiveScorecard> active,
			Instant now) {
		for (ActiveScorecard scorecard : active) {
			Optional<ExceptionTarget> failure = scorecard.compiled()
				.evaluate(Subjects.of(service), List.of(), now)
				.results()
				.stream()
				.filter((result) -> result.blocking() && result.outcome() == Outcome.FAIL)
				.findFirst()
				.map((result) -> new ExceptionTarget(service.name(), scorecard.key(), result.ruleKey(), null));
			if (failure.isPresent()) {
				return failure;
			}
		}
		return Optional.empty();
	}
}
