package dev.shipshape.portal.security;

/** What a signed-in user may do beyond reading. Every account is at least a viewer. */
public enum Role {

	/** Every engineer: reads everything, edits the catalog entries of their own teams. */
	VIEWER,

	/** Registers releases and asks for readiness verdicts. */
	RELEASE_MANAGER,

	/** Decides on exceptions. */
	SRE,

	/** The platform team: edits any catalog entry, scorecards and accounts. */
	ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}
}
