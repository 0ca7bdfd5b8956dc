package dev.shipshape.catalog.importing;

import java.util.List;
import java.util.Locale;

/**
 * What an import does with one entity. {@code kind} is the Backstage kind as written
 * ({@code Component}); {@code target} the catalog entry it becomes ({@code service}, {@code team},
 * {@code person}) or null when it is skipped. {@code changes} lists the changed fields of an
 * update, and for a conflict the fields edited by hand (last imported value → current value).
 * {@code notes} say what was left out and why. The position is where the entity is written; an
 * entity removed by pruning has none.
 */
public record EntityPlan(String file, Integer document, Integer line, String kind, String namespace, String name,
		String target, ImportStatus status, List<FieldChange> changes, String reason, List<String> notes) {

	public EntityPlan {
		changes = List.copyOf(changes);
		notes = List.copyOf(notes);
	}

	/** The entity reference in Backstage's full form, e.g. {@code component:default/petstore}. */
	public String ref() {
		return this.kind.toLowerCase(Locale.ROOT) + ":" + this.namespace + "/" + ((this.name != null) ? this.name : "?");
	}
}
