package dev.shipshape.catalog.importing;

import java.util.List;

/** An entity that is not a catalog entry: another kind, another namespace; the reason says which. */
record SkippedDescriptor(Origin origin, EntityName entity, String reason, List<String> notes) implements Descriptor {

	SkippedDescriptor {
		notes = List.copyOf(notes);
	}
}
