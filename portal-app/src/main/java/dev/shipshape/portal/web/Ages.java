package dev.shipshape.portal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Times as pages show them: "3 days ago", and UTC timestamps. Used in templates as {@code @ages}. */
@Component("ages")
public class Ages {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Clock clock;

	Ages(Clock clock) {
		this.clock = clock;
	}

	public String since(Instant then) {
		if (then == null) {
			return "never";
		}
		Duration age = Duration.between(then, this.clock.instant());
		if (age.isNegative()) {
			return "in " + span(age.negated());
		}
		return (age.toSeconds() < 60) ? "just now" : span(age) + " ago";
	}

	public String until(Instant then) {
		if (then == null) {
			return "";
		}
		Duration left = Duration.between(this.clock.instant(), then);
		return left.isNegative() ? span(left.negated()) + " ago" : "in " + span(left);
	}

	/** Whole days from now that end by {@code then}, at least 1: the longest duration in days that ends by then. */
	public long daysUntil(Instant then) {
		return Math.max(1, Duration.between(this.clock.instant(), then).toDays());
	}

	public String timestamp(Instant instant) {
		return (instant != null) ? TIMESTAMP.format(instant) : "";
	}

	/**
	 * Days are counted to the nearest hour, so that an exception granted for 3 days a second ago
	 * shows "in 3 days", and one with 4 days and 20 hours left does not read "in 4 days".
	 */
	private static String span(Duration duration) {
		long hours = Math.round(duration.toSeconds() / 3600.0);
		if (hours >= 48) {
			long leftOver = hours % 24;
			return (hours / 24) + " days" + ((leftOver == 0) ? "" : " " + leftOver + ((leftOver == 1) ? " hour" : " hours"));
		}
		if (duration.toHours() >= 2) {
			return duration.toHours() + " hours";
		}
		if (duration.toMinutes() >= 2) {
			return duration.toMinutes() + " minutes";
		}
		return Math.max(1, duration.toSeconds()) + " seconds";
	}
}
