package dev.shipshape.portal.scorecards;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import dev.shipshape.scorecard.Waiver;

/**
 * The exceptions in force, as evaluations need them. Implemented by the exceptions feature; every
 * evaluation and gate decision asks it with the clock's current instant.
 */
public interface WaiverLookup {

	/** The approved, unexpired exceptions of these services (keys are lower-case names) at {@code now}. */
	List<ScopedWaiver> liveFor(Collection<String> serviceKeys, Instant now);

	/** An exception of one rule of one scorecard on one service, optionally narrowed to one release. */
	record ScopedWaiver(String serviceKey, String scorecardKey, String releaseVersion, Waiver waiver) {

		/** Whether it applies when evaluating the scorecard on the service, for the release if one is given. */
		public boolean appliesTo(String serviceKey, String scorecardKey, String releaseVersion) {
			return this.serviceKey.equals(serviceKey) && this.scorecardKey.equals(scorecardKey)
					&& (this.releaseVersion == null || Objects.equals(this.releaseVersion, releaseVersion));
		}
	}

	/** Picks the waivers for one evaluation. */
	static List<Waiver> select(Collection<ScopedWaiver> waivers, String serviceKey, String scorecardKey,
			String releaseVersion) {
		return waivers.stream()
			.filter((waiver) -> waiver.appliesTo(serviceKey, scorecardKey, releaseVersion))
			.map(ScopedWaiver::waiver)
			.toList();
	}
}
