package dev.shipshape.portal.releases;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.shipshape.portal.scorecards.WaiverLookup.ScopedWaiver;

/**
 * An immutable record of one gate call: the verdict, who asked and when, and everything it was
 * computed from (scorecard versions, service and release facts, exceptions applied), so that "why
 * was this allowed to ship?" always has an answer, whatever changed since.
 */
public record ReadinessDecision(long id, String service, String version, Verdict verdict, Instant decidedAt,
		String requestedBy, Snapshot seen) {

	/** What the decision saw. */
	public record Snapshot(ReadinessVerdict verdict, Map<String, Object> serviceFacts,
			Map<String, Object> releaseFacts, List<ScopedWaiver> exceptionsApplied) {
	}
}
