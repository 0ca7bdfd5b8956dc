package dev.shipshape.catalog;

/** No team, person or service has the given name. */
public class CatalogEntryNotFoundException extends CatalogException {

	private final String kind;

	private final String name;

	public CatalogEntryNotFoundException(String kind, String name) {
		super("No " + kind + " named '" + name + "'");
		this.kind = kind;
		this.name = name;
	}

	public String kind() {
		return this.kind;
	}

	public String name() {
		return this.name;
	}
}
