package dev.shipshape.portal.releases;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A release as a pipeline registers it. {@code version} is unique per service; registering the
 * same data again is harmless, registering other data for an existing version is refused.
 */
public record ReleaseForm(
		@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._+-]*",
				message = "must start with a letter or digit and hold only letters, digits, '.', '_', '+' or '-'") String version,
		@Size(max = 64) @Pattern(regexp = "[0-9a-fA-F]{4,64}", message = "must be a git commit hash (4 to 64 hex digits)") String commit,
		@Size(max = 63) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
				message = "must be a lower-case word such as production or staging") String environment,
		Map<String, Object> facts) {

	public ReleaseForm {
		facts = (facts != null) ? facts : Map.of();
	}
}
