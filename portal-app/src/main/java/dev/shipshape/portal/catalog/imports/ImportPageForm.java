package dev.shipshape.portal.catalog.imports;

/** What the import page sends besides the files: the source, pasted YAML and the options. */
record ImportPageForm(String source, String yaml, boolean prune, boolean overwrite) {

	static ImportPageForm empty() {
		return new ImportPageForm(null, null, false, false);
	}
}
