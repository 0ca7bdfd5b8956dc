package dev.shipshape.portal.scorecards;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

/** Until the exceptions feature exists, no rule is waived. */
@Component
class NoWaivers implements WaiverLookup {

	@Override
	public List<ScopedWaiver> liveFor(Collection<String> serviceKeys, Instant now) {
		return List.of();
	}
}
