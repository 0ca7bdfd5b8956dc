package dev.shipshape.catalog.importing;

import dev.shipshape.catalog.CatalogException;

import org.springframework.util.unit.DataSize;

/** The upload is larger than {@code shipshape.catalog.import.max-upload-size}; nothing was written. */
public class ImportTooLargeException extends CatalogException {

	private final transient DataSize limit;

	public ImportTooLargeException(DataSize limit) {
		super("The upload is larger than " + limit.toKilobytes() + " KB, the most an import accepts "
				+ "(shipshape.catalog.import.max-upload-size); split it into several sources");
		this.limit = limit;
	}

	public DataSize limit() {
		return this.limit;
	}
}
