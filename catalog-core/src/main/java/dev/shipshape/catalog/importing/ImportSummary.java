package dev.shipshape.catalog.importing;

import java.util.List;

/** How many entities of an upload end in each status. */
public record ImportSummary(int created, int updated, int unchanged, int skipped, int invalid, int conflicts,
		int removed) {

	static ImportSummary of(List<EntityPlan> entities) {
		int[] counts = new int[ImportStatus.values().length];
		entities.forEach((entity) -> counts[entity.status().ordinal()]++);
		return new ImportSummary(counts[ImportStatus.CREATED.ordinal()], counts[ImportStatus.UPDATED.ordinal()],
				counts[ImportStatus.UNCHANGED.ordinal()], counts[ImportStatus.SKIPPED.ordinal()],
				counts[ImportStatus.INVALID.ordinal()], counts[ImportStatus.CONFLICT.ordinal()],
				counts[ImportStatus.REMOVED.ordinal()]);
	}

	/** Entries that the import writes or removes. */
	public int changed() {
		return this.created + this.updated + this.removed;
	}
}
