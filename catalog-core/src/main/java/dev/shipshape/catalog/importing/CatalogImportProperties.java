package dev.shipshape.catalog.importing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits that keep a hostile or broken upload from exhausting the portal.
 *
 * @param maxUploadSize the most bytes one import reads, all files together (default 16MB); the
 * REST layer answers 413 above it
 * @param maxDocumentCodePoints the most characters of one YAML document (default 1,000,000)
 * @param maxAliases the most aliases to collections in one document, against alias bombs
 * (default 20)
 * @param maxNestingDepth the deepest nesting of collections in one document (default 40)
 * @param maxProblems the most problems one answer lists (default 200); the count says the rest
 */
@ConfigurationProperties("shipshape.catalog.import")
@Validated
public record CatalogImportProperties(@NotNull @DefaultValue("16MB") DataSize maxUploadSize,
		@Min(1_000) @DefaultValue("1000000") int maxDocumentCodePoints, @Min(0) @Max(1_000) @DefaultValue("20") int maxAliases,
		@Min(5) @Max(1_000) @DefaultValue("40") int maxNestingDepth, @Min(1) @DefaultValue("200") int maxProblems) {

	/** The defaults, for code that runs without Spring's binding (e.g. tests of the reader). */
	public static CatalogImportProperties defaults() {
		return new CatalogImportProperties(DataSize.ofMegabytes(16), 1_000_000, 20, 40, 200);
	}
}
