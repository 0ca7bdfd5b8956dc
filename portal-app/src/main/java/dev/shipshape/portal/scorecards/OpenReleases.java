package dev.shipshape.portal.scorecards;

import java.time.Instant;
import java.util.List;

/**
 * Releases that may still ship, so that a preview can tell which of them a scorecard change would
 * block or unblock. Implemented by the releases feature.
 */
public interface OpenReleases {

	/** Releases registered since the given instant, newest first, at most {@code limit}. */
	List<OpenRelease> registeredSince(Instant since, int limit);

	/** A release with what rules read of it, and the lower-case name of its service. */
	record OpenRelease(String serviceKey, Subjects.ReleaseFields release) {
	}
}
