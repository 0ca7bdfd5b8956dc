package dev.shipshape.portal.waivers.web;

import java.time.Duration;
import java.time.Instant;

import dev.shipshape.waivers.ExceptionTarget;
import dev.shipshape.waivers.ExceptionTerms;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A request for an exception as the API takes it. {@code duration} is ISO-8601 (e.g. {@code P7D},
 * {@code PT36H}); give it or {@code expiresAt}, or neither for the default. {@code grant: true}
 * makes an SRE's request an approved exception at once.
 */
record ExceptionRequestBody(@NotBlank @Size(max = 63) String service, @NotBlank @Size(max = 100) String scorecard,
		@NotBlank @Size(max = 100) String rule, @Size(max = 100) String release,
		@NotBlank @Size(max = 4000) String reason, @NotBlank @Size(max = 4000) String riskAssessment,
		@NotBlank @Size(max = 1000) String followUp, Duration duration, Instant expiresAt, Boolean grant) {

	ExceptionTarget target() {
		return new ExceptionTarget(this.service, this.scorecard, this.rule, this.release);
	}

	ExceptionTerms terms() {
		return new ExceptionTerms(this.reason, this.riskAssessment, this.followUp, this.duration, this.expiresAt);
	}

	boolean grantsNow() {
		return Boolean.TRUE.equals(this.grant);
	}
}
