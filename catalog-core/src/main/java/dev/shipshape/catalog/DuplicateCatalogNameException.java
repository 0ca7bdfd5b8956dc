package dev.shipshape.catalog;

/** The name is taken, possibly in another letter case. */
public class DuplicateCatalogNameException extends CatalogException {

	private final String field;

	public DuplicateCatalogNameException(String kind, String name, String existing) {
		super("A " + kind + " named '" + existing + "' already exists; names are unique without regard to case, so '"
				+ name + "' cannot be used");
		this.field = "name";
	}

	public String field() {
		return this.field;
	}
}
