package dev.shipshape.portal.security;

/** Checks a bearer token sent to the API; implemented where tokens are stored. */
public interface ApiTokenVerifier {

	/**
	 * The live token behind this secret.
	 * @throws InvalidApiTokenException when it is malformed, unknown, expired or revoked, or its
	 * account is disabled
	 */
	VerifiedApiToken verify(String secret);
}
