package dev.shipshape.catalog;

import java.util.Map;

/** What the catalog tells the rest of the portal about its changes. */
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

	/**
	 * A team, person or service, or a service's facts, changed; or an import was applied. Published
	 * inside the transaction of the change, so that a listener's record of it (the audit trail) is
	 * written, or rolled back, with it.
	 * @param type {@code team}, {@code person}, {@code service} or {@code import}
	 * @param name the entry's name, or the source of an import
	 * @param action {@code created}, {@code updated}, {@code deleted}, {@code facts_replaced},
	 * {@code facts_merged}, or {@code applied} for an import
	 * @param before the values before the change, {@code null} when the entry did not exist
	 * @param after the values after the change, {@code null} when the entry is gone
	 * @param importSource the source of the import that made the change, {@code null} for a change
	 * by hand
	 */
	public record EntryChanged(String type, String name, String action, Map<String, Object> before,
			Map<String, Object> after, String importSource) {
	}
}
