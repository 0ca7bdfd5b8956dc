package dev.shipshape.catalog.importing;

import java.util.List;

/** A {@code User}. */
record PersonDescriptor(Origin origin, EntityName entity, PersonValues values, List<String> notes)
		implements Descriptor {

	PersonDescriptor {
		notes = List.copyOf(notes);
	}

	String key() {
		return Keys.of(this.values.name());
	}
}
