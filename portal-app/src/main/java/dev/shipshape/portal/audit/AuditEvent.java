package dev.shipshape.portal.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One recorded event of the audit trail. {@code before} and {@code after} are the object as JSON
 * ({@code null} when it did not exist, is gone, or the event changed nothing); {@code tokenId} and
 * {@code tokenName} name the API token that acted, if one did.
 */
public record AuditEvent(long id, Instant occurredAt, String actor, ActorKind actorKind, Long tokenId,
		String tokenName, String action, String objectType, String objectId, @JsonRawValue String before,
		@JsonRawValue String after, String summary, String requestId, String clientAddress) {

	/** The fields that differ between before and after; of a new or removed object, all of them. */
	public List<FieldChange> changes() {
		return FieldChanges.between(this.before, this.after);
	}

	/** Who acted, as pages show it: the account, and the token it used. */
	public String actorLabel() {
		if (this.tokenId == null) {
			return this.actor;
		}
		return this.actor + " (token " + ((this.tokenName != null) ? "'" + this.tokenName + "' " : "") + "#"
				+ this.tokenId + ")";
	}

	/** One field of the object before and after, as text; {@code null} when it had no value. */
	public record FieldChange(String field, String before, String after) {
	}
}
