package dev.shipshape.portal.security;

/** What sign-in and accounts tell the rest of the portal; the audit trail records it. */
public final class SecurityEvents {

	private SecurityEvents() {
	}

	/**
	 * An account was {@code created} or its roles changed ({@code roles_changed}, by single sign-on).
	 * Published inside the transaction of the change; {@code before} is {@code null} for a new account.
	 */
	public record AccountChanged(String action, AccountSummary before, AccountSummary after) {
	}

	/**
	 * A sign-in was refused: a password ({@code PASSWORD}), a bearer token ({@code TOKEN}) or single
	 * sign-on ({@code SINGLE_SIGN_ON}). Published outside any transaction: nothing else changed.
	 * @param username the name that was tried, {@code null} when there is none
	 * @param reason e.g. {@code BAD_CREDENTIALS}, {@code THROTTLED}, {@code EXPIRED}
	 * @param tokenId the token that was refused, when it is known (expired, revoked)
	 */
	public record SignInRefused(String method, String username, String clientAddress, String reason, Long tokenId) {
	}

	/** The API refused a signed-in caller, person or token, what it asked for (403). */
	public record AccessDenied(String method, String path) {
	}
}
