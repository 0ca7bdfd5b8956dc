package dev.shipshape.catalog.importing;

import java.util.List;

/** One entity read from an upload, with where it is written. */
sealed interface Descriptor permits ServiceDescriptor, TeamDescriptor, PersonDescriptor, SkippedDescriptor,
		InvalidDescriptor {

	Origin origin();

	EntityName entity();

	/** What the import leaves out of this entity and why (e.g. a dependency on an API). */
	List<String> notes();
}
