package dev.shipshape.catalog.importing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The outcome of a preview or an import of one source: every entity of the upload (and, when
 * pruning, every entity of the source that is gone from it) with its status, the problems that
 * refuse the request, and the references to earlier entries that the import links up.
 * {@code applied} tells whether it was written.
 */
public record ImportPlan(String source, boolean applied, List<EntityPlan> entities, List<ImportProblem> problems,
		List<ResolvedReference> resolved, ImportSummary summary) {

	public ImportPlan {
		entities = List.copyOf(entities);
		problems = List.copyOf(problems);
		resolved = List.copyOf(resolved);
	}

	/** Whether the upload can be applied: no problems, no invalid entity. */
	@JsonProperty
	public boolean acceptable() {
		return this.problems.isEmpty();
	}

	public List<EntityPlan> entities(ImportStatus status) {
		return this.entities.stream().filter((entity) -> entity.status() == status).toList();
	}
}
