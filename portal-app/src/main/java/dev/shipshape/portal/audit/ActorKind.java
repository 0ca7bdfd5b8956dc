package dev.shipshape.portal.audit;

/** Who acted: a person signed in, an API token acting for its account, the portal itself, or nobody signed in. */
public enum ActorKind {

	PERSON, TOKEN, SYSTEM, ANONYMOUS

}
