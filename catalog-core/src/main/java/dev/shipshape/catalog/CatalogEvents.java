package dev.shipshape.catalog;

/** What the catalog tells the rest of the portal after a change has been committed. */
public final class CatalogEvents {

	private CatalogEvents() {
	}

	/** A service was created or changed, or something it shows (its owner team) changed. */
	public record ServiceChanged(String name) {
	}

	/** Facts of a service were reported. */
	public record FactsChanged(String name) {
	}

	/** A service was removed from the catalog. */
	public record ServiceRemoved(String name) {
	}
}
