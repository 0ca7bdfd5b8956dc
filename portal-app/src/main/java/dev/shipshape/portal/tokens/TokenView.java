package dev.shipshape.portal.tokens;

import java.time.Instant;
import java.util.List;

/**
 * An API token as its owner and administrators see it: never its secret, only the start of it
 * ({@code hint}) to recognise it.
 */
public record TokenView(long id, String name, String account, List<String> scopes, String hint, Instant createdAt,
		String createdBy, Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String revokedBy,
		TokenStatus status) {

	public boolean isActive() {
		return this.status == TokenStatus.ACTIVE;
	}
}
