package dev.shipshape.portal.audit;

/**
 * Who did something: a person's or account's name, {@code system} for the portal's own work,
 * {@code anonymous} when nobody is signed in. {@code tokenId} names the API token that acted.
 */
record Actor(String name, ActorKind kind, Long tokenId) {

	static final Actor SYSTEM = new Actor("system", ActorKind.SYSTEM, null);

	static final Actor ANONYMOUS = new Actor("anonymous", ActorKind.ANONYMOUS, null);

}
