package dev.shipshape.portal.catalog.imports;

/**
 * What the import page sends besides the files: the source, pasted YAML and the options. An
 * option the request leaves out is off.
 */
record ImportPageForm(String source, String yaml, Boolean prune, Boolean overwrite) {

	static ImportPageForm empty() {
		return new ImportPageForm(null, null, false, false);
	}

	boolean pruning() {
		return Boolean.TRUE.equals(this.prune);
	}

	boolean overwriting() {
		return Boolean.TRUE.equals(this.overwrite);
	}
}
