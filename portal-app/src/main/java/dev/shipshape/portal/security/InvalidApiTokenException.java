package dev.shipshape.portal.security;

import org.springframework.security.core.AuthenticationException;

/** A bearer token that does not authenticate; the API answers 401 and says why. */
public class InvalidApiTokenException extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	private final Reason reason;

	private final Long tokenId;

	public InvalidApiTokenException(Reason reason) {
		this(reason, null);
	}

	/** A known token that no longer authenticates (expired, revoked, its account disabled). */
	public InvalidApiTokenException(Reason reason, Long tokenId) {
		super(reason.detail);
		this.reason = reason;
		this.tokenId = tokenId;
	}

	public Reason reason() {
		return this.reason;
	}

	/** The refused token, when it is known. */
	public Long tokenId() {
		return this.tokenId;
	}

	/** Why a token was refused, in words a client can act on. */
	public enum Reason {

		MALFORMED("The bearer token is not a Shipshape token: check that it was copied whole (shp_ and 46 more characters)"),

		UNKNOWN("The bearer token is not known"),

		EXPIRED("The bearer token has expired"),

		REVOKED("The bearer token has been revoked"),

		ACCOUNT_DISABLED("The bearer token's account is disabled");

		private final String detail;

		Reason(String detail) {
			this.detail = detail;
		}

		public String detail() {
			return this.detail;
		}
	}
}
