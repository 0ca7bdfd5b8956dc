package dev.shipshape.catalog.importing;

/** Where an entity is written: file, document (from 1) and line (from 1). */
record Origin(String file, int document, int line) {
}
