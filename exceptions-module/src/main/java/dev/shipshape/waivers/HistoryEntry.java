package dev.shipshape.waivers;

import java.time.Instant;

/**
 * One step in the life of an exception: who did what, when, with which comment. The
 * {@link Kind#EXPIRED} step is derived from the expiry, so it shows even if no job has run; its
 * actor is {@code null}.
 *
 * @param expiresAt the expiry that the step set or asked for, when it concerns one
 */
public record HistoryEntry(Kind kind, String actor, Instant at, String comment, Instant expiresAt) {

	/** What happened. */
	public enum Kind {

		REQUESTED, GRANTED, APPROVED, REJECTED, REVOKED, EXPIRED

	}
}
