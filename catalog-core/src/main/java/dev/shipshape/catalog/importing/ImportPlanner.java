package dev.shipshape.catalog.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.shipshape.catalog.EntityReference;
import dev.shipshape.catalog.importing.CatalogState.CurrentPerson;
import dev.shipshape.catalog.importing.CatalogState.CurrentService;
import dev.shipshape.catalog.importing.CatalogState.CurrentTeam;
import dev.shipshape.catalog.importing.CatalogState.Membership;
import dev.shipshape.catalog.importing.Planned.Links;
import dev.shipshape.catalog.importing.Planned.PersonStep;
import dev.shipshape.catalog.importing.Planned.ServiceStep;
import dev.shipshape.catalog.importing.Planned.TeamStep;

/**
 * Decides what an import does with each entity, from the descriptors and the catalog state alone
 * (no database access), so that a preview and an import of the same upload agree.
 * <p>
 * Rules: an entry of this source whose values differ is updated, unless it was edited by hand
 * since the last import (its values differ from the ones imported), which is a conflict; an entry
 * created by hand or imported from another source is a conflict unless the descriptor matches it;
 * {@code overwrite} turns conflicts into updates. A team's parent is its own {@code spec.parent}, or
 * else the group of the same upload that lists it in {@code spec.children}. A team–person link
 * belongs to the side(s) that declare it ({@code spec.members}, {@code spec.memberOf}); an import
 * removes only links its descriptors declared before and no longer declare.
 */
final class ImportPlanner {

	private final ImportRequest request;

	private final CatalogState state;

	private final Map<String, TeamDescriptor> teams = new LinkedHashMap<>();

	private final Map<String, PersonDescriptor> people = new LinkedHashMap<>();

	private final Map<String, ServiceDescriptor> services = new LinkedHashMap<>();

	private final List<ImportProblem> problems = new ArrayList<>();

	private final List<TeamStep> teamSteps = new ArrayList<>();

	private final List<PersonStep> personSteps = new ArrayList<>();

	private final List<ServiceStep> serviceSteps = new ArrayList<>();

	private final Removals removals = new Removals();

	ImportPlanner(ImportRequest request, CatalogState state) {
		this.request = request;
		this.state = state;
	}

	/** The name keys an upload names, by kind, to know which state to load before planning. */
	static Map<CatalogKind, Set<String>> keys(List<Descriptor> descriptors) {
		Map<CatalogKind, Set<String>> keys = new HashMap<>();
		for (CatalogKind kind : CatalogKind.values()) {
			keys.put(kind, new HashSet<>());
		}
		for (Descriptor descriptor : descriptors) {
			if (descriptor instanceof ServiceDescriptor service) {
				keys.get(CatalogKind.SERVICE).add(service.key());
			}
			else if (descriptor instanceof TeamDescriptor team) {
				keys.get(CatalogKind.TEAM).add(team.key());
			}
			else if (descriptor instanceof PersonDescriptor person) {
				keys.get(CatalogKind.PERSON).add(person.key());
			}
		}
		return keys;
	}

	Planned plan(List<Descriptor> descriptors) {
		List<Descriptor> unique = withoutDuplicates(descriptors);
		collect(unique);
		// Removals first: a reference to an entry that goes is planned as pending, not as a link.
		List<EntityPlan> removalPlans = new ArrayList<>();
		if (this.request.prune()) {
			prune(removalPlans);
		}
		List<EntityPlan> entities = new ArrayList<>(unique.size() + removalPlans.size());
		for (Descriptor descriptor : unique) {
			entities.add(planOf(descriptor));
		}
		refuseParentCycles(entities);
		entities.addAll(removalPlans);
		return new Planned(entities, this.problems, resolved(), this.teamSteps, this.personSteps, this.serviceSteps,
				this.removals.teams, this.removals.people, this.removals.services);
	}

	private EntityPlan planOf(Descriptor descriptor) {
		if (descriptor instanceof ServiceDescriptor service) {
			return planService(service);
		}
		if (descriptor instanceof TeamDescriptor team) {
			return planTeam(this.teams.get(team.key()));
		}
		if (descriptor instanceof PersonDescriptor person) {
			return planPerson(person);
		}
		if (descriptor instanceof SkippedDescriptor skipped) {
			return entityPlan(skipped, null, ImportStatus.SKIPPED, List.of(), skipped.reason());
		}
		return invalid((InvalidDescriptor) descriptor);
	}

	// Upload

	/** Refuses an entity written twice (names compare without regard to case), pointing at the first. */
	private List<Descriptor> withoutDuplicates(List<Descriptor> descriptors) {
		Map<String, Origin> seen = new HashMap<>();
		List<Descriptor> unique = new ArrayList<>(descriptors.size());
		for (Descriptor descriptor : descriptors) {
			EntityName entity = descriptor.entity();
			Origin first = (entity.name() != null) ? seen.putIfAbsent(entity.identity(), descriptor.origin()) : null;
			if (first == null) {
				unique.add(descriptor);
				continue;
			}
			unique.add(new InvalidDescriptor(descriptor.origin(), entity, CatalogKind.of(entity.kind()).orElse(null),
					List.of(problem(descriptor, "metadata.name", "'" + entity.ref() + "' is defined twice in this upload; first in "
							+ first.file() + ", document " + first.document() + " (line " + first.line() + ")"))));
		}
		return unique;
	}

	private void collect(List<Descriptor> descriptors) {
		for (Descriptor descriptor : descriptors) {
			if (descriptor instanceof ServiceDescriptor service) {
				this.services.put(service.key(), service);
			}
			else if (descriptor instanceof TeamDescriptor team) {
				this.teams.put(team.key(), team);
			}
			else if (descriptor instanceof PersonDescriptor person) {
				this.people.put(person.key(), person);
			}
		}
		adoptChildren();
	}

	/** Gives a parent to the children a group lists, when they are in the upload and name none themselves. */
	private void adoptChildren() {
		Map<String, String> adoptedBy = new HashMap<>();
		for (TeamDescriptor group : List.copyOf(this.teams.values())) {
			TeamDescriptor current = this.teams.get(group.key());
			for (String child : group.children()) {
				TeamDescriptor descriptor = this.teams.get(child);
				CurrentTeam existing = this.state.teams().get(child);
				if (descriptor == null) {
					if (existing == null || !group.key().equals(existing.parent())) {
						current = current.withNote("child '" + child + "' is not in this upload; a team's parent comes "
								+ "from its own spec.parent");
					}
				}
				else if (descriptor.values().parent() == null && !adoptedBy.containsKey(child)) {
					adoptedBy.put(child, group.key());
					this.teams.put(child, descriptor.withParent(group.key()));
				}
				else if (!group.key().equals(descriptor.values().parent())) {
					current = current.withNote("child '" + child + "' names '" + descriptor.values().parent()
							+ "' as its parent, which wins over spec.children");
				}
			}
			this.teams.put(group.key(), current);
		}
	}

	private EntityPlan invalid(InvalidDescriptor invalid) {
		this.problems.addAll(invalid.problems());
		String reason = invalid.problems().stream().map(ImportProblem::describe).reduce((a, b) -> a + "; " + b).orElse("");
		return entityPlan(invalid, invalid.target(), ImportStatus.INVALID, List.of(), reason);
	}

	// Teams

	private EntityPlan planTeam(TeamDescriptor descriptor) {
		CurrentTeam current = this.state.teams().get(descriptor.key());
		Links members = links(descriptor.values().members(), (current != null) ? current.imported() : null,
				TeamValues::members, (current != null) ? current.members() : Set.of(), CatalogKind.PERSON,
				(person) -> declaresMembership(descriptor.key(), person, false));
		if (current == null) {
			this.teamSteps.add(new TeamStep(descriptor, null, ImportStatus.CREATED, members));
			return entityPlan(descriptor, CatalogKind.TEAM, ImportStatus.CREATED, List.of(), null);
		}
		List<FieldChange> changes = diff(current.values().fields(), descriptor.values().fields());
		linkChange("members", current.values().members(), current.members(), members).ifPresent(changes::add);
		Decision decision = decide(current.source(), changes, handEdits(current));
		if (decision.writes()) {
			this.teamSteps.add(new TeamStep(descriptor, current, decision.status(), members));
		}
		return entityPlan(descriptor, CatalogKind.TEAM, decision.status(), decision.changes(), decision.reason());
	}

	private List<FieldChange> handEdits(CurrentTeam current) {
		if (current.imported() == null) {
			return List.of();
		}
		List<FieldChange> edits = diff(current.imported().fields(), current.values().fields());
		removedByHand("members", current.imported().members(), current.values().members(), CatalogKind.PERSON)
			.ifPresent(edits::add);
		return edits;
	}

	// People

	private EntityPlan planPerson(PersonDescriptor descriptor) {
		CurrentPerson current = this.state.people().get(descriptor.key());
		Links teams = links(descriptor.values().memberOf(), (current != null) ? current.imported() : null,
				PersonValues::memberOf, (current != null) ? current.teams() : Set.of(), CatalogKind.TEAM,
				(team) -> declaresMembership(team, descriptor.key(), true));
		if (current == null) {
			this.personSteps.add(new PersonStep(descriptor, null, ImportStatus.CREATED, teams));
			return entityPlan(descriptor, CatalogKind.PERSON, ImportStatus.CREATED, List.of(), null);
		}
		List<FieldChange> changes = diff(current.values().fields(), descriptor.values().fields());
		linkChange("memberOf", current.values().memberOf(), current.teams(), teams).ifPresent(changes::add);
		Decision decision = decide(current.source(), changes, handEdits(current));
		if (decision.writes()) {
			this.personSteps.add(new PersonStep(descriptor, current, decision.status(), teams));
		}
		return entityPlan(descriptor, CatalogKind.PERSON, decision.status(), decision.changes(), decision.reason());
	}

	private List<FieldChange> handEdits(CurrentPerson current) {
		if (current.imported() == null) {
			return List.of();
		}
		List<FieldChange> edits = diff(current.imported().fields(), current.values().fields());
		removedByHand("memberOf", current.imported().memberOf(), current.values().memberOf(), CatalogKind.TEAM)
			.ifPresent(edits::add);
		return edits;
	}

	/**
	 * Whether the other side of a team–person link declares it after this import: its descriptor
	 * when it is in the upload, else the values its source imported last.
	 */
	private boolean declaresMembership(String team, String person, boolean teamSide) {
		if (teamSide) {
			TeamDescriptor descriptor = this.teams.get(team);
			return (descriptor != null) ? descriptor.values().members().contains(person)
					: this.state.membershipsDeclaredByTeam().contains(new Membership(team, person));
		}
		PersonDescriptor descriptor = this.people.get(person);
		return (descriptor != null) ? descriptor.values().memberOf().contains(team)
				: this.state.membershipsDeclaredByPerson().contains(new Membership(team, person));
	}

	/**
	 * The links one side's descriptor adds, removes (declared before, no longer, and not declared by
	 * the other side) and keeps pending (the other side does not exist yet).
	 */
	private <V> Links links(List<String> declared, V imported, Function<V, List<String>> declaredBefore,
			Set<String> linked, CatalogKind otherKind, Predicate<String> otherSideDeclares) {
		Set<String> add = new TreeSet<>();
		Set<String> pending = new TreeSet<>();
		for (String key : declared) {
			if (!existsAfter(otherKind, key)) {
				pending.add(key);
			}
			else if (!linked.contains(key)) {
				add.add(key);
			}
		}
		Set<String> remove = new TreeSet<>();
		if (imported != null) {
			for (String key : declaredBefore.apply(imported)) {
				if (!declared.contains(key) && linked.contains(key) && !otherSideDeclares.test(key)) {
					remove.add(key);
				}
			}
		}
		return new Links(add, remove, pending);
	}

	private static Optional<FieldChange> linkChange(String field, List<String> before, Set<String> linked,
			Links links) {
		Set<String> after = new TreeSet<>(linked);
		after.removeAll(links.remove());
		after.addAll(links.add());
		after.addAll(links.pending());
		List<String> result = List.copyOf(after);
		return before.equals(result) ? Optional.empty()
				: Optional.of(new FieldChange(field, ImportedValues.join(before), ImportedValues.join(result)));
	}

	/** A link the last import made that is gone although both ends still exist: removed by hand. */
	private Optional<FieldChange> removedByHand(String field, List<String> imported, List<String> current,
			CatalogKind otherKind) {
		boolean removed = imported.stream()
			.anyMatch((key) -> this.state.ids(otherKind).containsKey(key) && !current.contains(key));
		return removed ? Optional.of(new FieldChange(field, ImportedValues.join(imported), ImportedValues.join(current)))
				: Optional.empty();
	}

	// Services

	private EntityPlan planService(ServiceDescriptor descriptor) {
		CurrentService current = this.state.services().get(descriptor.key());
		if (current == null) {
			this.serviceSteps.add(new ServiceStep(descriptor, null, ImportStatus.CREATED));
			return entityPlan(descriptor, CatalogKind.SERVICE, ImportStatus.CREATED, List.of(), null);
		}
		List<FieldChange> changes = diff(current.values().fields(), descriptor.values().fields());
		Decision decision = decide(current.source(), changes, handEdits(current));
		if (decision.writes()) {
			this.serviceSteps.add(new ServiceStep(descriptor, current, decision.status()));
		}
		return entityPlan(descriptor, CatalogKind.SERVICE, decision.status(), decision.changes(), decision.reason());
	}

	private List<FieldChange> handEdits(CurrentService current) {
		ServiceValues imported = current.imported();
		if (imported == null) {
			return List.of();
		}
		// A dependency whose service was removed by hand went with it; that is no edit of this service.
		List<String> stillThere = imported.dependsOn()
			.stream()
			.filter((key) -> this.state.serviceIds().containsKey(key) || current.pendingDependsOn().contains(key))
			.toList();
		ServiceValues expected = new ServiceValues(imported.name(), imported.title(), imported.description(),
				imported.owner(), imported.tier(), imported.lifecycle(), imported.system(), imported.tags(),
				imported.links(), stillThere);
		return diff(expected.fields(), current.values().fields());
	}

	// Decisions

	private record Decision(ImportStatus status, List<FieldChange> changes, String reason) {

		boolean writes() {
			return this.status != ImportStatus.CONFLICT;
		}
	}

	private Decision decide(String currentSource, List<FieldChange> changes, List<FieldChange> handEdits) {
		ImportStatus status = changes.isEmpty() ? ImportStatus.UNCHANGED : ImportStatus.UPDATED;
		if (currentSource != null && !currentSource.equals(this.request.source())) {
			return this.request.overwrite()
					? new Decision(status, changes, "moved here from source '" + currentSource + "'")
					: new Decision(ImportStatus.CONFLICT, changes, "imported from source '" + currentSource
							+ "'; import with overwrite to move it to this source");
		}
		if (currentSource == null) {
			if (changes.isEmpty() || this.request.overwrite()) {
				return new Decision(status, changes, "created by hand; from now on imported from this source");
			}
			return new Decision(ImportStatus.CONFLICT, changes,
					"created by hand, not imported; import with overwrite to replace it with the descriptor");
		}
		if (!changes.isEmpty() && !handEdits.isEmpty()) {
			String fields = String.join(", ", handEdits.stream().map(FieldChange::field).toList());
			return this.request.overwrite() ? new Decision(status, changes, "replaces the hand edits of " + fields)
					: new Decision(ImportStatus.CONFLICT, handEdits, "edited by hand since the last import (" + fields
							+ "); kept as it is, import with overwrite to replace the hand edits");
		}
		return new Decision(status, changes, null);
	}

	// Parents

	/** Refuses parents that would make a cycle of teams, taking the whole catalog into account. */
	private void refuseParentCycles(List<EntityPlan> entities) {
		Map<String, String> parents = new HashMap<>();
		this.state.teams().forEach((key, team) -> parents.put(key,
				(team.parent() != null && existsAfter(CatalogKind.TEAM, team.parent())) ? team.parent() : null));
		for (TeamStep step : this.teamSteps) {
			String parent = step.descriptor().values().parent();
			parents.put(step.descriptor().key(), (parent != null && existsAfter(CatalogKind.TEAM, parent)) ? parent : null);
		}
		for (TeamStep step : List.copyOf(this.teamSteps)) {
			List<String> cycle = cycle(step.descriptor().key(), parents);
			if (cycle != null) {
				TeamDescriptor descriptor = step.descriptor();
				ImportProblem problem = problem(descriptor, "spec.parent", "'" + descriptor.values().parent()
						+ "' as parent would make a cycle of teams: " + String.join(" → ", cycle));
				this.problems.add(problem);
				this.teamSteps.remove(step);
				int index = indexOf(entities, descriptor);
				entities.set(index, entityPlan(descriptor, CatalogKind.TEAM, ImportStatus.INVALID, List.of(), problem.describe()));
			}
		}
	}

	private static List<String> cycle(String team, Map<String, String> parents) {
		List<String> path = new ArrayList<>(List.of(team));
		Set<String> seen = new HashSet<>(path);
		for (String parent = parents.get(team); parent != null; parent = parents.get(parent)) {
			path.add(parent);
			if (parent.equals(team)) {
				return path;
			}
			if (!seen.add(parent)) {
				return null;
			}
		}
		return null;
	}

	private static int indexOf(List<EntityPlan> entities, Descriptor descriptor) {
		for (int i = 0; i < entities.size(); i++) {
			EntityPlan entity = entities.get(i);
			if (Objects.equals(entity.file(), descriptor.origin().file())
					&& Objects.equals(entity.document(), descriptor.origin().document())) {
				return i;
			}
		}
		throw new IllegalStateException("No plan for " + descriptor.entity().ref());
	}

	// Pruning

	private static final class Removals {

		final List<CurrentTeam> teams = new ArrayList<>();

		final List<CurrentPerson> people = new ArrayList<>();

		final List<CurrentService> services = new ArrayList<>();

		final Set<String> keys = new HashSet<>();

		<T> void add(CatalogKind kind, String key, T entry, List<T> list) {
			list.add(entry);
			this.keys.add(kind.label() + ":" + key);
		}

		boolean contains(CatalogKind kind, String key) {
			return this.keys.contains(kind.label() + ":" + key);
		}

	}

	/** Entries of this source that the upload no longer has: removed, unless edited by hand since. */
	private void prune(List<EntityPlan> plans) {
		inKeyOrder(this.state.services()).forEach((key, service) -> {
			if (ours(service.source()) && !this.services.containsKey(key)) {
				removal(plans, CatalogKind.SERVICE, service.values().name(), handEdits(service),
						() -> this.removals.add(CatalogKind.SERVICE, key, service, this.removals.services));
			}
		});
		inKeyOrder(this.state.teams()).forEach((key, team) -> {
			if (ours(team.source()) && !this.teams.containsKey(key)) {
				removal(plans, CatalogKind.TEAM, team.name(), handEdits(team),
						() -> this.removals.add(CatalogKind.TEAM, key, team, this.removals.teams));
			}
		});
		inKeyOrder(this.state.people()).forEach((key, person) -> {
			if (ours(person.source()) && !this.people.containsKey(key)) {
				removal(plans, CatalogKind.PERSON, person.name(), handEdits(person),
						() -> this.removals.add(CatalogKind.PERSON, key, person, this.removals.people));
			}
		});
	}

	private void removal(List<EntityPlan> entities, CatalogKind kind, String name, List<FieldChange> handEdits,
			Runnable remove) {
		boolean keep = !handEdits.isEmpty() && !this.request.overwrite();
		if (!keep) {
			remove.run();
		}
		entities.add(new EntityPlan(null, null, null, kind.backstageKind(), EntityReference.DEFAULT_NAMESPACE, name,
				kind.label(), keep ? ImportStatus.CONFLICT : ImportStatus.REMOVED, keep ? handEdits : List.of(),
				keep ? "gone from the source but edited by hand since the last import; kept, import with overwrite to "
						+ "remove it" : "gone from the source",
				List.of()));
	}

	private boolean ours(String source) {
		return this.request.source().equals(source);
	}

	/** A map in key order, so that plans list removals the same way every time. */
	private static <V> Map<String, V> inKeyOrder(Map<String, V> map) {
		return new TreeMap<>(map);
	}

	// Pending references

	/** Earlier references whose targets exist once this import is applied. */
	private List<ResolvedReference> resolved() {
		return this.state.pending()
			.stream()
			.filter((reference) -> existsAfter(reference.relation().target(), reference.target()))
			.filter((reference) -> !this.removals.contains(reference.holderKind(), reference.holder()))
			.map((reference) -> new ResolvedReference(reference.holderKind().label() + ":" + reference.holder(),
					reference.relation().column(), reference.relation().target().label() + ":" + reference.target()))
			.toList();
	}

	// Shared

	/** Whether an entry exists once the import is applied: it does now, or the upload creates it. */
	private boolean existsAfter(CatalogKind kind, String key) {
		if (this.removals.contains(kind, key)) {
			return false;
		}
		if (this.state.ids(kind).containsKey(key)) {
			return true;
		}
		return switch (kind) {
			case SERVICE -> this.services.containsKey(key);
			case TEAM -> this.teams.containsKey(key);
			case PERSON -> this.people.containsKey(key);
		};
	}

	static List<FieldChange> diff(Map<String, String> before, Map<String, String> after) {
		List<FieldChange> changes = new ArrayList<>();
		before.forEach((field, value) -> {
			String next = after.get(field);
			if (!Objects.equals(value, next)) {
				changes.add(new FieldChange(field, value, next));
			}
		});
		return changes;
	}

	private static ImportProblem problem(Descriptor descriptor, String field, String message) {
		Origin origin = descriptor.origin();
		return new ImportProblem(origin.file(), origin.document(), origin.line(), descriptor.entity().ref(), field, message);
	}

	private static EntityPlan entityPlan(Descriptor descriptor, CatalogKind target, ImportStatus status,
			List<FieldChange> changes, String reason) {
		Origin origin = descriptor.origin();
		EntityName entity = descriptor.entity();
		return new EntityPlan(origin.file(), origin.document(), origin.line(), entity.kind(), entity.namespace(),
				entity.name(), (target != null) ? target.label() : null, status, changes, reason, descriptor.notes());
	}
}
