package dev.shipshape.catalog.importing;

/**
 * A reference written earlier that the import links up because its target arrives now, e.g. the
 * {@code owner} of {@code service:checkout} becoming {@code team:payments}.
 */
public record ResolvedReference(String entity, String field, String target) {
}
