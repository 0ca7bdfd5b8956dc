package dev.shipshape.portal.waivers;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import dev.shipshape.portal.scorecards.WaiverLookup;
import dev.shipshape.scorecard.Waiver;
import dev.shipshape.waivers.LiveException;
import dev.shipshape.waivers.WaiverManagement;

import org.springframework.stereotype.Component;

/**
 * The exceptions every evaluation and gate decision applies: approved, not expired at the instant
 * of the evaluation, each only to its rule, service and (if narrowed) release.
 */
@Component
class LiveExceptions implements WaiverLookup {

	private final WaiverManagement exceptions;

	LiveExceptions(WaiverManagement exceptions) {
		this.exceptions = exceptions;
	}

	@Override
	public List<ScopedWaiver> liveFor(Collection<String> serviceKeys, Instant now) {
		return this.exceptions.liveFor(serviceKeys, now).stream().map(LiveExceptions::scoped).toList();
	}

	private static ScopedWaiver scoped(LiveException live) {
		return new ScopedWaiver(live.serviceKey(), live.scorecardKey(), live.releaseVersion(),
				new Waiver(live.id(), live.ruleKey(), live.expiresAt()));
	}
}
