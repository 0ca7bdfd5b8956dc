package dev.shipshape.catalog.importing;

import java.util.Arrays;
import java.util.Optional;

/** The catalog entries an import writes, and the Backstage kind each one comes from. */
enum CatalogKind {

	SERVICE("Component", "service"), TEAM("Group", "team"), PERSON("User", "person");

	private final String backstageKind;

	private final String label;

	CatalogKind(String backstageKind, String label) {
		this.backstageKind = backstageKind;
		this.label = label;
	}

	String backstageKind() {
		return this.backstageKind;
	}

	String label() {
		return this.label;
	}

	static Optional<CatalogKind> of(String backstageKind) {
		return Arrays.stream(values()).filter((kind) -> kind.backstageKind.equalsIgnoreCase(backstageKind)).findFirst();
	}
}
