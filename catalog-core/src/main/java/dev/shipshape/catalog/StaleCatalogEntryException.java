package dev.shipshape.catalog;

/** Someone changed the entry since the caller read it; the update would overwrite their change. */
public class StaleCatalogEntryException extends CatalogException {

	private final long currentVersion;

	public StaleCatalogEntryException(String kind, String name, long expectedVersion, long currentVersion) {
		super("The " + kind + " '" + name + "' was changed by someone else (version " + currentVersion
				+ ", your copy is version " + expectedVersion + "); reload it and apply your change again");
		this.currentVersion = currentVersion;
	}

	public long currentVersion() {
		return this.currentVersion;
	}
}
