package dev.shipshape.catalog.importing;

import dev.shipshape.catalog.CatalogNames;

/** Name keys: how the catalog compares names, without regard to case. */
final class Keys {

	private Keys() {
	}

	static String of(String name) {
		return (name != null) ? CatalogNames.key(name) : null;
	}
}
