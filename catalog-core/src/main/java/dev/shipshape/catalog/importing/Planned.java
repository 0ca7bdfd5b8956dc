package dev.shipshape.catalog.importing;

import java.util.List;
import java.util.Set;

import dev.shipshape.catalog.importing.CatalogState.CurrentPerson;
import dev.shipshape.catalog.importing.CatalogState.CurrentService;
import dev.shipshape.catalog.importing.CatalogState.CurrentTeam;

/**
 * What the planner decided: the plan shown to the caller, and the steps the writer takes for the
 * entities that are created, updated or unchanged (whose bookkeeping may still change) and for
 * those that are removed.
 */
record Planned(List<EntityPlan> entities, List<ImportProblem> problems, List<ResolvedReference> resolved,
		List<TeamStep> teams, List<PersonStep> people, List<ServiceStep> services, List<CurrentTeam> removedTeams,
		List<CurrentPerson> removedPeople, List<CurrentService> removedServices) {

	boolean acceptable() {
		return this.problems.isEmpty();
	}

	/** A team to write; {@code current} is null when it is created. */
	record TeamStep(TeamDescriptor descriptor, CurrentTeam current, ImportStatus status, Links members) {
	}

	/** A person to write; {@code current} is null when they are created. */
	record PersonStep(PersonDescriptor descriptor, CurrentPerson current, ImportStatus status, Links teams) {
	}

	/** A service to write; {@code current} is null when it is created. */
	record ServiceStep(ServiceDescriptor descriptor, CurrentService current, ImportStatus status) {
	}

	/**
	 * Team–person links one side's descriptor changes (name keys of the other side): links to add,
	 * links to remove, and references to keep pending because the other side does not exist yet.
	 */
	record Links(Set<String> add, Set<String> remove, Set<String> pending) {
	}
}
