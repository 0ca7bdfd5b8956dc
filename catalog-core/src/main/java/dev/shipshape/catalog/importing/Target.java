package dev.shipshape.catalog.importing;

/** A reference that names (or will name) a catalog entry: which relation and the target's name key. */
record Target(Relation relation, String key) {
}
