package dev.shipshape.catalog.importing;

import java.util.Locale;

import dev.shipshape.catalog.EntityReference;

/** An entity's identity as its descriptor writes it; {@code name} is null when it is missing. */
record EntityName(String kind, String namespace, String name) {

	boolean isDefaultNamespace() {
		return EntityReference.DEFAULT_NAMESPACE.equalsIgnoreCase(this.namespace);
	}

	/** Backstage's full reference, e.g. {@code component:default/petstore}. */
	String ref() {
		return this.kind.toLowerCase(Locale.ROOT) + ":" + this.namespace + "/" + ((this.name != null) ? this.name : "?");
	}

	/** Identifies the entity for duplicate detection: names are unique without regard to case. */
	String identity() {
		return ref().toLowerCase(Locale.ROOT);
	}
}
