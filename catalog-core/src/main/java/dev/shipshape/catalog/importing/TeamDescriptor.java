package dev.shipshape.catalog.importing;

import java.util.ArrayList;
import java.util.List;

/** A {@code Group}; {@code children} (name keys) only give a parent to children of the same upload. */
record TeamDescriptor(Origin origin, EntityName entity, TeamValues values, List<String> children,
		List<String> notes) implements Descriptor {

	TeamDescriptor {
		children = List.copyOf(children);
		notes = List.copyOf(notes);
	}

	String key() {
		return Keys.of(this.values.name());
	}

	TeamDescriptor withParent(String parent) {
		return new TeamDescriptor(this.origin, this.entity, this.values.withParent(parent), this.children, this.notes);
	}

	TeamDescriptor withNote(String note) {
		List<String> more = new ArrayList<>(this.notes);
		more.add(note);
		return new TeamDescriptor(this.origin, this.entity, this.values, this.children, more);
	}
}
