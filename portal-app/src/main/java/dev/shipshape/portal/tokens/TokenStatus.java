package dev.shipshape.portal.tokens;

/** Whether a token still authenticates. */
public enum TokenStatus {

	ACTIVE, EXPIRED, REVOKED

}
