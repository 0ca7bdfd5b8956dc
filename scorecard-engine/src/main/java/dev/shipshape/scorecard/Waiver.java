package dev.shipshape.scorecard;

import java.time.Instant;
import java.util.Objects;

/**
 * A live exception to one rule, already narrowed by the caller to the subject being evaluated.
 *
 * @param id identifier of the exception, shown in explanations
 * @param ruleKey the rule it waives
 * @param expiresAt the instant from which it no longer applies
 */
public record Waiver(String id, String ruleKey, Instant expiresAt) {

	public Waiver {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(ruleKey, "ruleKey");
		Objects.requireNonNull(expiresAt, "expiresAt");
	}

	/** Whether the waiver applies at {@code now}: strictly before its expiry. */
	public boolean isLiveAt(Instant now) {
		return now.isBefore(expiresAt);
	}

}
