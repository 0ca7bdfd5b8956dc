package dev.shipshape.catalog.importing;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an import does, or would do, with one entity. */
public enum ImportStatus {

	/** A new catalog entry. */
	CREATED,

	/** An existing entry of this source whose values change; the plan names the fields. */
	UPDATED,

	/** Already as the descriptor says. */
	UNCHANGED,

	/** Not a catalog entry (an API, a Domain, another namespace…); the reason says why. */
	SKIPPED,

	/** Cannot be imported; one invalid entity refuses the whole request. */
	INVALID,

	/**
	 * Kept as it is: edited by hand since the last import, created by hand, or imported from
	 * another source. Importing with overwrite replaces it.
	 */
	CONFLICT,

	/** Gone from the source and removed from the catalog (only when pruning). */
	REMOVED;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}
}
