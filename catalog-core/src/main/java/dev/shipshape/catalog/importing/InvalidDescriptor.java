package dev.shipshape.catalog.importing;

import java.util.List;

/** An entity that cannot be imported; its problems say where and why. */
record InvalidDescriptor(Origin origin, EntityName entity, CatalogKind target, List<ImportProblem> problems)
		implements Descriptor {

	InvalidDescriptor {
		problems = List.copyOf(problems);
	}

	@Override
	public List<String> notes() {
		return List.of();
	}
}
