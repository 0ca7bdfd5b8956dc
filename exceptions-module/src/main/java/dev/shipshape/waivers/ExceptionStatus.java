package dev.shipshape.waivers;

/**
 * Where an exception stands. {@link #EXPIRED} is never stored: a requested or approved exception
 * is expired from its {@code expiresAt} on, whatever has run since.
 */
public enum ExceptionStatus {

	/** Waiting for an SRE's decision. */
	REQUESTED,

	/** In force until it expires or is revoked. */
	APPROVED,

	/** Refused by an SRE. */
	REJECTED,

	/** Ended by an SRE before its expiry. */
	REVOKED,

	/** Reached its expiry, approved or still waiting for a decision. */
	EXPIRED;

	/** Whether an exception with this stored status is expired at {@code now}, given its expiry. */
	static ExceptionStatus effective(ExceptionStatus stored, java.time.Instant expiresAt, java.time.Instant now) {
		boolean open = stored == REQUESTED || stored == APPROVED;
		return (open && !now.isBefore(expiresAt)) ? EXPIRED : stored;
	}
}
