package dev.shipshape.waivers;

import java.time.Duration;

/** Durations as people read them: "30 days", "12 hours". */
public final class Durations {

	private Durations() {
	}

	public static String describe(Duration duration) {
		if (duration.toHours() % 24 == 0 && duration.toDays() > 0 && duration.toSeconds() % 3600 == 0) {
			return plural(duration.toDays(), "day");
		}
		if (duration.toMinutes() % 60 == 0 && duration.toHours() > 0 && duration.toSeconds() % 60 == 0) {
			return plural(duration.toHours(), "hour");
		}
		if (duration.toSeconds() % 60 == 0 && duration.toMinutes() > 0) {
			return plural(duration.toMinutes(), "minute");
		}
		return plural(duration.toSeconds(), "second");
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s");
	}
}
