package dev.shipshape.catalog.importing;

/**
 * The links between catalog entries that descriptors write, named as in
 * {@code catalog_pending_references.relation}, each with the kind of entry it points at.
 */
enum Relation {

	PARENT("parent", CatalogKind.TEAM), MEMBERS("members", CatalogKind.PERSON), MEMBER_OF("memberOf", CatalogKind.TEAM),
	OWNER_TEAM("ownerTeam", CatalogKind.TEAM), OWNER_PERSON("ownerPerson", CatalogKind.PERSON),
	DEPENDS_ON("dependsOn", CatalogKind.SERVICE);

	private final String column;

	private final CatalogKind target;

	Relation(String column, CatalogKind target) {
		this.column = column;
		this.target = target;
	}

	String column() {
		return this.column;
	}

	CatalogKind target() {
		return this.target;
	}

	static Relation ofColumn(String column) {
		for (Relation relation : values()) {
			if (relation.column.equals(column)) {
				return relation;
			}
		}
		throw new IllegalArgumentException("Unknown relation " + column);
	}
}
