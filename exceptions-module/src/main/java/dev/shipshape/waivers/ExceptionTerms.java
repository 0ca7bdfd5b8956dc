package dev.shipshape.waivers;

import java.time.Duration;
import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Why a rule may be missed, what could go wrong, what will be done about it, and for how long.
 * Give either {@code duration} or {@code expiresAt}; with neither, the configured default
 * duration applies.
 *
 * @param followUp the follow-up work: a ticket link or a sentence
 */
public record ExceptionTerms(@NotBlank @Size(max = 4000) String reason, @NotBlank @Size(max = 4000) String riskAssessment,
		@NotBlank @Size(max = 1000) String followUp, Duration duration, Instant expiresAt) {

	public ExceptionTerms {
		reason = (reason != null) ? reason.strip() : null;
		riskAssessment = (riskAssessment != null) ? riskAssessment.strip() : null;
		followUp = (followUp != null) ? followUp.strip() : null;
	}
}
