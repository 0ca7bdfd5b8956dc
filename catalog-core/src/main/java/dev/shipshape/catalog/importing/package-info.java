/**
 * Catalog as code: imports Backstage-style descriptors ({@code catalog-info.yaml}) into the
 * catalog and exports the catalog in the same format. {@link dev.shipshape.catalog.importing.CatalogImport}
 * previews and applies an upload of one source; {@link dev.shipshape.catalog.importing.CatalogExport}
 * writes the catalog back as YAML.
 */
package dev.shipshape.catalog.importing;
