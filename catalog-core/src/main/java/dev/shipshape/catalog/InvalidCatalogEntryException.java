package dev.shipshape.catalog;

/** A field holds a value the catalog cannot accept, such as an owner that does not exist. */
public class InvalidCatalogEntryException extends CatalogException {

	private final String field;

	public InvalidCatalogEntryException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}
}
