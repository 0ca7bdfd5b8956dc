package dev.shipshape.catalog.importing;

import java.util.List;

/**
 * A {@code Component}. {@code owner} says how to link the owner: a team or person name key, or
 * neither when the reference can never name a catalog entry (it then stays unresolved);
 * {@code ownerWritten} keeps the reference as written for display.
 */
record ServiceDescriptor(Origin origin, EntityName entity, ServiceValues values, Target owner, String ownerWritten,
		List<String> notes) implements Descriptor {

	ServiceDescriptor {
		notes = List.copyOf(notes);
	}

	String key() {
		return Keys.of(this.values.name());
	}
}
