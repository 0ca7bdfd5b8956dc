package dev.shipshape.waivers;

import java.net.URI;
import java.time.Instant;

/**
 * An exception as everyone may see it. {@code status} is the effective one at the time of reading
 * ({@link ExceptionStatus#EXPIRED} from {@code expiresAt} on); {@code live} tells whether it waives
 * its rule right now.
 *
 * @param id e.g. {@code EX-12}
 * @param release the release it is narrowed to, or {@code null} for every release of the service
 * @param expiresAt from this instant on it no longer applies; for a request, the expiry asked for
 * @param extendsId the exception this one extends, or {@code null}
 */
public record ExceptionView(String id, String service, String scorecard, String rule, String release,
		ExceptionStatus status, boolean live, String reason, String riskAssessment, String followUp, String requestedBy,
		Instant requestedAt, Instant expiresAt, String decidedBy, Instant decidedAt, String decisionComment,
		String revokedBy, Instant revokedAt, String revokeReason, String extendsId) {

	/** The follow-up as a link when it is one (a ticket), otherwise {@code null}. */
	public String followUpLink() {
		if (this.followUp == null || !(this.followUp.startsWith("https://") || this.followUp.startsWith("http://"))
				|| this.followUp.chars().anyMatch(Character::isWhitespace)) {
			return null;
		}
		try {
			URI.create(this.followUp);
			return this.followUp;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Whether it waits for a decision that can still be taken. */
	public boolean pending() {
		return this.status == ExceptionStatus.REQUESTED;
	}
}
