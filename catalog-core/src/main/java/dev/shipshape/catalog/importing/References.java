package dev.shipshape.catalog.importing;

import java.util.Locale;

import dev.shipshape.catalog.CatalogNames;
import dev.shipshape.catalog.EntityReference;

/** Canonical forms of entity references, so that {@code team-a} and {@code group:default/Team-A} compare equal. */
final class References {

	private References() {
	}

	/**
	 * The shortest form that names the same entity: the name key alone for the field's default kind
	 * in the default namespace, else {@code kind:key}, else the full reference in lower case.
	 */
	static String canonical(EntityReference reference, String defaultKind) {
		if (!reference.isDefaultNamespace()) {
			return (reference.kind() + ":" + reference.namespace() + "/" + reference.name()).toLowerCase(Locale.ROOT);
		}
		String key = CatalogNames.key(reference.name());
		return reference.kind().equals(defaultKind) ? key : reference.kind() + ":" + key;
	}

	/** The canonical owner of an unresolved reference as a service keeps it. */
	static String canonicalOwner(String written) {
		return canonical(EntityReference.parse(written, "group"), "group");
	}
}
