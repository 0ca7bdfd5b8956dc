package dev.shipshape.scorecard;

import java.time.Instant;
import java.util.Objects;

/**
 * A subject to evaluate at one instant, converted for CEL once for every scorecard compiled with the
 * same limits: evaluating one service by several scorecards need not convert its facts each time.
 * Not thread-safe: prepare a subject per thread.
 */
public final class PreparedSubject {

	private final Subject subject;

	private final Instant now;

	private EngineLimits convertedWith;

	private SubjectVariables variables;

	private PreparedSubject(Subject subject, Instant now) {
		this.subject = Objects.requireNonNull(subject, "subject");
		this.now = Objects.requireNonNull(now, "now");
	}

	/**
	 * @param subject the service, and the release when a release is evaluated
	 * @param now the instant to evaluate at: the value of {@code now}, and the clock for effective
	 *     dates and waiver expiry
	 */
	public static PreparedSubject of(Subject subject, Instant now) {
		return new PreparedSubject(subject, now);
	}

	Instant now() {
		return this.now;
	}

	SubjectVariables variables(EngineLimits limits) {
		if (!limits.equals(this.convertedWith)) {
			this.variables = SubjectVariables.of(this.subject, this.now, limits);
			this.convertedWith = limits;
		}
		return this.variables;
	}

}
