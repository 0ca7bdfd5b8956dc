package dev.shipshape.catalog.importing;

import java.util.List;

/**
 * One upload of one source (typically one repository): its files, whether entries of the source
 * that are gone from it are removed ({@code prune}), and whether entries edited by hand, created
 * by hand or imported from another source are overwritten ({@code overwrite}).
 */
public record ImportRequest(String source, List<DescriptorFile> files, boolean prune, boolean overwrite) {

	public ImportRequest {
		files = List.copyOf(files);
	}

	public static ImportRequest of(String source, List<DescriptorFile> files) {
		return new ImportRequest(source, files, false, false);
	}

	public static ImportRequest of(String source, DescriptorFile... files) {
		return of(source, List.of(files));
	}

	public ImportRequest pruning() {
		return new ImportRequest(this.source, this.files, true, this.overwrite);
	}

	public ImportRequest overwriting() {
		return new ImportRequest(this.source, this.files, this.prune, true);
	}
}
