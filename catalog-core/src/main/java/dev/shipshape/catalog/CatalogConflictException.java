package dev.shipshape.catalog;

/** The change is valid in itself but would leave the catalog inconsistent. */
public class CatalogConflictException extends CatalogException {

	public CatalogConflictException(String message) {
		super(message);
	}
}
