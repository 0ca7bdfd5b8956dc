package dev.shipshape.waivers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an exception waives: one rule of one scorecard on one service, optionally only for one
 * release of it.
 *
 * @param release a release version, or {@code null} (or blank) for every release of the service
 */
public record ExceptionTarget(@NotBlank @Size(max = 63) String service, @NotBlank @Size(max = 100) String scorecard,
		@NotBlank @Size(max = 100) String rule,
		@Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._+-]*",
				message = "must be a release version: letters, digits, '.', '_', '+' or '-'") String release) {

	public ExceptionTarget {
		service = trimmed(service);
		scorecard = trimmed(scorecard);
		rule = trimmed(rule);
		release = trimmed(release);
		if (release != null && release.isEmpty()) {
			release = null;
		}
	}

	private static String trimmed(String value) {
		return (value != null) ? value.trim() : null;
	}
}
