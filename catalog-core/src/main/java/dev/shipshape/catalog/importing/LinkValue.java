package dev.shipshape.catalog.importing;

/** A service link as the catalog keeps it: type (repo, runbook…), URL and optional title. */
record LinkValue(String type, String url, String title) {

	@Override
	public String toString() {
		return this.type + " " + this.url + ((this.title != null) ? " (" + this.title + ")" : "");
	}
}
