package dev.shipshape.catalog;

/** What a service's owner reference points at. */
public enum OwnerKind {

	/** Owned by a team of the catalog. */
	TEAM,

	/** Owned by a person, as Backstage allows with {@code user:...}. */
	PERSON,

	/** The reference names nothing in the catalog; shown so that someone fixes it. */
	UNRESOLVED

}
