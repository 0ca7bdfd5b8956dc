package dev.shipshape.waivers;

import java.time.Duration;
import java.time.Instant;

import jakarta.validation.constraints.Size;

/**
 * An SRE's approval. The exception applies from the approval until the expiry asked for, or until
 * an earlier one: give {@code duration} (from now) or {@code expiresAt} to shorten it. An approval
 * never lengthens what was asked for.
 */
public record Approval(Duration duration, Instant expiresAt, @Size(max = 2000) String comment) {

	/** Approves for as long as was asked. */
	public static Approval asRequested(String comment) {
		return new Approval(null, null, comment);
	}
}
