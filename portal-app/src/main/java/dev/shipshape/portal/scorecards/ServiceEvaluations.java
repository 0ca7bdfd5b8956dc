package dev.shipshape.portal.scorecards;

import java.time.Instant;
import java.util.List;

import dev.shipshape.catalog.ServiceSnapshot;
import dev.shipshape.portal.scorecards.ActiveScorecards.ActiveScorecard;
import dev.shipshape.scorecard.CompiledScorecard;
import dev.shipshape.scorecard.Evaluation;

import org.springframework.stereotype.Component;

/** Evaluates services against scorecards with the exceptions in force at one instant. */
@Component
public class ServiceEvaluations {

	private final WaiverLookup waivers;

	ServiceEvaluations(WaiverLookup waivers) {
		this.waivers = waivers;
	}

	/**
	 * Every service against every scorecard at the instant {@code now}, which the caller takes before it
	 * reads the services: a result is stamped no later than the facts it saw, so that a newer result,
	 * computed from newer facts, always wins.
	 */
	List<Evaluated> evaluate(List<ServiceSnapshot> services, List<ActiveScorecard> scorecards, Instant now) {
		List<WaiverLookup.ScopedWaiver> live = this.waivers.liveFor(services.stream().map(ServiceSnapshot::key).toList(),
				now);
		return services.stream()
			.flatMap((service) -> scorecards.stream()
				.map((scorecard) -> new Evaluated(service.key(), scorecard, evaluate(scorecard.compiled(), service, live, now))))
			.toList();
	}

	Evaluation evaluate(CompiledScorecard scorecard, ServiceSnapshot service, List<WaiverLookup.ScopedWaiver> live,
			Instant now) {
		return scorecard.evaluate(Subjects.of(service),
				WaiverLookup.select(live, service.key(), scorecard.scorecard().key(), null), now);
	}

	/** The evaluation of one service by one published scorecard version. */
	record Evaluated(String serviceKey, ActiveScorecard scorecard, Evaluation evaluation) {
	}
}
