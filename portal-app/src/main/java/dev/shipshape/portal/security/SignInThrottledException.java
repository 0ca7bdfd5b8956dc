package dev.shipshape.portal.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused without checking the password, because of too many recent failures. */
class SignInThrottledException extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	private final Duration retryAfter;

	SignInThrottledException(Duration retryAfter) {
		super("Too many failed sign-ins; try again in " + minutes(retryAfter) + " minute(s)");
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

	long retryAfterMinutes() {
		return minutes(this.retryAfter);
	}

	private static long minutes(Duration duration) {
		return Math.max(1, (duration.getSeconds() + 59) / 60);
	}
}
