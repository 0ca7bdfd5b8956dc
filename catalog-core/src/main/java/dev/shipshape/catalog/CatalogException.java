package dev.shipshape.catalog;

/** A catalog operation that was refused; nothing was written. */
public abstract class CatalogException extends RuntimeException {

	protected CatalogException(String message) {
		super(message);
	}
}
