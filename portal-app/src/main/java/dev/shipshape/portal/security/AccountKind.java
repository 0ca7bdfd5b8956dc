package dev.shipshape.portal.security;

/** Whether an account is a person's or a service's. */
public enum AccountKind {

	/** A person: signs in with a password or through single sign-on, and may own tokens. */
	PERSON,

	/** Automation: has no password and authenticates only with the API tokens an administrator creates for it. */
	SERVICE
}
