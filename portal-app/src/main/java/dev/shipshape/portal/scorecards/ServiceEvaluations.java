package dev.shipshape.portal.scorecards;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.shipshape.catalog.ServiceSnapshot;
import dev.shipshape.portal.scorecards.ActiveScorecards.ActiveScorecard;
import dev.shipshape.scorecard.Evaluation;
import dev.shipshape.scorecard.FactsRead;
import dev.shipshape.scorecard.PreparedSubject;
import dev.shipshape.scorecard.Waiver;

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
		List<Evaluated> evaluated = new ArrayList<>(services.size() * scorecards.size());
		for (ServiceSnapshot service : services) {
			PreparedSubject subject = PreparedSubject.of(Subjects.of(service), now);
			for (ActiveScorecard scorecard : scorecards) {
				List<Waiver> waivers = WaiverLookup.select(live, service.key(), scorecard.key(), null);
				// A stored result keeps the facts of a rule only where they explain why it did not pass.
				evaluated.add(new Evaluated(service.key(), scorecard,
						scorecard.compiled().evaluate(subject, waivers, FactsRead.RULES_NOT_PASSED)));
			}
		}
		return evaluated;
	}

	/** The evaluation of one service by one published scorecard version. */
	record Evaluated(String serviceKey, ActiveScorecard scorecard, Evaluation evaluation) {
	}
}
