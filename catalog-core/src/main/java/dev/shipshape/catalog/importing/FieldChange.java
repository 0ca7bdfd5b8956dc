package dev.shipshape.catalog.importing;

/** One field an import changes (or a hand edit changed): its value before and after; null is empty. */
public record FieldChange(String field, String before, String after) {
}
