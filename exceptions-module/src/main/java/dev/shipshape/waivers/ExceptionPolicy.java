package dev.shipshape.waivers;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How long an exception may last, and who may decide on it; from {@link ExceptionsProperties}. */
final class ExceptionPolicy {

	private final Duration defaultDuration;

	private final Duration maxDuration;

	private final boolean allowSelfApproval;

	ExceptionPolicy(Duration defaultDuration, Duration maxDuration, boolean allowSelfApproval) {
		this.defaultDuration = defaultDuration;
		this.maxDuration = maxDuration;
		this.allowSelfApproval = allowSelfApproval;
	}

	static ExceptionPolicy of(ExceptionsProperties properties) {
		return new ExceptionPolicy(properties.defaultDuration(), properties.maxDuration(), properties.allowSelfApproval());
	}

	boolean allowsSelfApproval() {
		return this.allowSelfApproval;
	}

	/** The expiry of a request made at {@code now}: in the future, and no further than the maximum. */
	Instant expiryOf(ExceptionTerms terms, Instant now) {
		Instant expiresAt = resolve(terms.duration(), terms.expiresAt(), now, this.defaultDuration);
		String field = (terms.expiresAt() != null) ? "expiresAt" : "duration";
		if (!expiresAt.isAfter(now)) {
			throw new ExceptionProblems.Invalid(field, "must end in the future");
		}
		if (expiresAt.isAfter(now.plus(this.maxDuration))) {
			throw new ExceptionProblems.Invalid(field,
					"may last at most " + Durations.describe(this.maxDuration) + " (until " + now.plus(this.maxDuration) + ")");
		}
		return expiresAt;
	}

	/** The expiry an approval at {@code now} sets: what was asked for, or earlier when the approval shortens it. */
	Instant expiryOf(Approval approval, Instant requested, Instant now) {
		if (approval.duration() == null && approval.expiresAt() == null) {
			return requested;
		}
		Instant expiresAt = resolve(approval.duration(), approval.expiresAt(), now, null);
		String field = (approval.expiresAt() != null) ? "expiresAt" : "duration";
		if (!expiresAt.isAfter(now)) {
			throw new ExceptionProblems.Invalid(field, "must end in the future");
		}
		if (expiresAt.isAfter(requested)) {
			throw new ExceptionProblems.Invalid(field,
					"an approval may only shorten the exception; it was requested until " + requested);
		}
		return expiresAt;
	}

	private static Instant resolve(Duration duration, Instant expiresAt, Instant now, Duration fallback) {
		if (duration != null && expiresAt != null) {
			throw new ExceptionProblems.Invalid("duration", "give either a duration or expiresAt, not both");
		}
		if (expiresAt != null) {
			return expiresAt.truncatedTo(ChronoUnit.MICROS);
		}
		return now.plus((duration != null) ? duration : fallback).truncatedTo(ChronoUnit.MICROS);
	}
}
