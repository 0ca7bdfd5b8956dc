package dev.shipshape.catalog;

/** Facts that the catalog refuses: not an object, too large, or with a bad name. */
public class InvalidFactsException extends InvalidCatalogEntryException {

	public InvalidFactsException(String field, String message) {
		super(field, message);
	}
}
