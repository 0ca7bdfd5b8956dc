package dev.shipshape.catalog.importing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import dev.shipshape.catalog.importing.CatalogState.CurrentService;
import dev.shipshape.catalog.importing.CatalogState.CurrentTeam;
import dev.shipshape.catalog.importing.Planned.Links;
import dev.shipshape.catalog.importing.Planned.PersonStep;
import dev.shipshape.catalog.importing.Planned.ServiceStep;
import dev.shipshape.catalog.importing.Planned.TeamStep;
import dev.shipshape.catalog.importing.PendingReferences.Row;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Writes a planned import with JDBC batches, a fixed number of statements per kind of change, so
 * that ten thousand services take about as long as inserting their rows by hand. Every row it
 * changes was read by the planner; a row changed by someone else in between fails the whole
 * import (its version moved) instead of being overwritten.
 */
@Component
class CatalogWriter {

	/** Serializes imports across all instances of the portal: pending references span sources. */
	private static final long IMPORT_LOCK = 0x5368697073686170L;

	private final JdbcTemplate jdbc;

	private final PendingReferences pending;

	private final CatalogRemovals removals;

	private final Clock clock;

	CatalogWriter(JdbcTemplate jdbc, PendingReferences pending, CatalogRemovals removals, Clock clock) {
		this.jdbc = jdbc;
		this.pending = pending;
		this.removals = removals;
		this.clock = clock;
	}

	/** Waits until no other import runs; held until the transaction ends. */
	void lock() {
		this.jdbc.query("select pg_advisory_xact_lock(?)", (RowCallbackHandler) (rs) -> {
		}, IMPORT_LOCK);
	}

	/** The services whose catalog entry changed or went, for the events the catalog publishes. */
	record Outcome(Set<String> changedServices, Set<String> removedServices) {
	}

	Outcome write(String source, Planned planned, CatalogState state) {
		Run run = new Run(source, state, planned);
		run.teams();
		run.people();
		run.services();
		Set<String> changed = new HashSet<>(run.changedServices);
		Set<String> removed = new HashSet<>();
		changed.addAll(this.removals.remove(planned, removed));
		changed.addAll(this.pending.resolve());
		changed.removeAll(removed);
		return new Outcome(changed, removed);
	}

	/** One import being written, with the ids of all entries after it (new ones included). */
	private final class Run {

		private final String source;

		private final CatalogState state;

		private final Planned planned;

		private final Timestamp now = Timestamp.from(CatalogWriter.this.clock.instant());

		private final Map<String, Long> teamIds;

		private final Map<String, Long> personIds;

		private final Map<String, Long> serviceIds;

		private final Set<String> changedServices = new HashSet<>();

		Run(String source, CatalogState state, Planned planned) {
			this.source = source;
			this.state = state;
			this.planned = planned;
			this.teamIds = withoutRemoved(state.teamIds(), planned.removedTeams().stream().map(CurrentTeam::name).toList());
			this.personIds = withoutRemoved(state.personIds(),
					planned.removedPeople().stream().map(CatalogState.CurrentPerson::name).toList());
			this.serviceIds = withoutRemoved(state.serviceIds(),
					planned.removedServices().stream().map((service) -> service.values().name()).toList());
			allocate("teams_seq", created(planned.teams(), TeamStep::status), this.teamIds, (step) -> step.descriptor().key());
			allocate("people_seq", created(planned.people(), PersonStep::status), this.personIds,
					(step) -> step.descriptor().key());
			allocate("services_seq", created(planned.services(), ServiceStep::status), this.serviceIds,
					(step) -> step.descriptor().key());
		}

		// Teams

		void teams() {
			List<Object[]> inserts = new ArrayList<>();
			List<Object[]> parentsOfNew = new ArrayList<>();
			List<Object[]> updates = new ArrayList<>();
			List<Object[]> bookkeeping = new ArrayList<>();
			List<Long> pendingParentHolders = new ArrayList<>();
			List<Row> pendingParents = new ArrayList<>();
			for (TeamStep step : this.planned.teams()) {
				TeamValues values = step.descriptor().values();
				long id = this.teamIds.get(step.descriptor().key());
				Long parentId = (values.parent() != null) ? this.teamIds.get(values.parent()) : null;
				String pendingParent = (values.parent() != null && parentId == null) ? values.parent() : null;
				CurrentTeam current = step.current();
				if (current == null) {
					inserts.add(new Object[] { id, values.name(), Keys.of(values.name()), values.displayName(), values.email(),
							values.description(), this.now, this.now, this.source, ImportedValues.write(values) });
					if (parentId != null) {
						parentsOfNew.add(new Object[] { parentId, id });
					}
				}
				else {
					Long currentParentId = (current.parent() != null) ? this.state.teamIds().get(current.parent()) : null;
					if (step.status() == ImportStatus.UPDATED || !Objects.equals(parentId, currentParentId)) {
						updates.add(new Object[] { values.name(), Keys.of(values.name()), values.displayName(), values.email(),
								values.description(), parentId, this.source, ImportedValues.write(values), this.now, id,
								current.version() });
					}
					else if (!this.source.equals(current.source()) || !values.equals(current.imported())) {
						bookkeeping.add(new Object[] { this.source, ImportedValues.write(values), id, current.version() });
					}
				}
				if (!Objects.equals(pendingParent, (current != null) ? current.pendingParent() : null)) {
					pendingParentHolders.add(id);
					if (pendingParent != null) {
						pendingParents.add(new Row(CatalogKind.TEAM, id, Relation.PARENT, pendingParent));
					}
				}
			}
			batch("""
					insert into teams (id, name, name_key, display_name, email, description, version, created_at, updated_at,
					                   import_source, imported_values)
					values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?::jsonb)""", inserts);
			batch("update teams set parent_id = ? where id = ?", parentsOfNew);
			versioned("team", """
					update teams set name = ?, name_key = ?, display_name = ?, email = ?, description = ?, parent_id = ?,
					                 import_source = ?, imported_values = ?::jsonb, version = version + 1, updated_at = ?
					where id = ? and version = ?""", updates);
			versioned("team", "update teams set import_source = ?, imported_values = ?::jsonb where id = ? and version = ?",
					bookkeeping);
			CatalogWriter.this.pending.delete(CatalogKind.TEAM, Relation.PARENT, pendingParentHolders);
			CatalogWriter.this.pending.insert(pendingParents);
			List<Membership> memberships = new ArrayList<>();
			this.planned.teams()
				.forEach((step) -> memberships.add(new Membership(this.teamIds.get(step.descriptor().key()), step.members(),
						(step.current() != null) ? step.current().pendingMembers() : Set.of())));
			links(memberships, CatalogKind.TEAM, Relation.MEMBERS);
		}

		// People

		void people() {
			List<Object[]> inserts = new ArrayList<>();
			List<Object[]> updates = new ArrayList<>();
			List<Object[]> bookkeeping = new ArrayList<>();
			List<Membership> memberships = new ArrayList<>();
			for (PersonStep step : this.planned.people()) {
				PersonValues values = step.descriptor().values();
				long id = this.personIds.get(step.descriptor().key());
				if (step.current() == null) {
					inserts.add(new Object[] { id, values.name(), Keys.of(values.name()), values.displayName(), values.email(),
							this.now, this.now, this.source, ImportedValues.write(values) });
				}
				else if (step.status() == ImportStatus.UPDATED) {
					updates.add(new Object[] { values.name(), Keys.of(values.name()), values.displayName(), values.email(),
							this.source, ImportedValues.write(values), this.now, id, step.current().version() });
				}
				else if (!this.source.equals(step.current().source()) || !values.equals(step.current().imported())) {
					bookkeeping.add(new Object[] { this.source, ImportedValues.write(values), id, step.current().version() });
				}
				memberships.add(new Membership(id, step.teams(),
						(step.current() != null) ? step.current().pendingTeams() : Set.of()));
			}
			batch("""
					insert into people (id, name, name_key, display_name, email, version, created_at, updated_at,
					                    import_source, imported_values)
					values (?, ?, ?, ?, ?, 0, ?, ?, ?, ?::jsonb)""", inserts);
			versioned("person", """
					update people set name = ?, name_key = ?, display_name = ?, email = ?, import_source = ?,
					                  imported_values = ?::jsonb, version = version + 1, updated_at = ?
					where id = ? and version = ?""", updates);
			versioned("person", "update people set import_source = ?, imported_values = ?::jsonb where id = ? and version = ?",
					bookkeeping);
			links(memberships, CatalogKind.PERSON, Relation.MEMBER_OF);
		}

		/** The links of one side of team memberships, and the side's pending references. */
		private record Membership(long holder, Links links, Set<String> pendingBefore) {
		}

		private void links(List<Membership> memberships, CatalogKind side, Relation relation) {
			List<Object[]> add = new ArrayList<>();
			List<Object[]> remove = new ArrayList<>();
			List<Long> pendingHolders = new ArrayList<>();
			List<Row> pendingRows = new ArrayList<>();
			Map<String, Long> others = (side == CatalogKind.TEAM) ? this.personIds : this.teamIds;
			for (Membership membership : memberships) {
				membership.links().add().forEach((key) -> add.add(pair(side, membership.holder(), others.get(key))));
				membership.links()
					.remove()
					.forEach((key) -> remove.add(pair(side, membership.holder(), this.state.ids(otherSide(side)).get(key))));
				if (!membership.links().pending().equals(membership.pendingBefore())) {
					pendingHolders.add(membership.holder());
					membership.links()
						.pending()
						.forEach((key) -> pendingRows.add(new Row(side, membership.holder(), relation, key)));
				}
			}
			batch("insert into team_members (team_id, person_id) values (?, ?) on conflict do nothing", add);
			batch("delete from team_members where team_id = ? and person_id = ?", remove);
			CatalogWriter.this.pending.delete(side, relation, pendingHolders);
			CatalogWriter.this.pending.insert(pendingRows);
		}

		private static Object[] pair(CatalogKind side, long holder, long other) {
			return (side == CatalogKind.TEAM) ? new Object[] { holder, other } : new Object[] { other, holder };
		}

		private static CatalogKind otherSide(CatalogKind side) {
			return (side == CatalogKind.TEAM) ? CatalogKind.PERSON : CatalogKind.TEAM;
		}

		// Services

		void services() {
			List<Object[]> inserts = new ArrayList<>();
			List<Object[]> updates = new ArrayList<>();
			List<Object[]> bookkeeping = new ArrayList<>();
			List<Long> replaced = new ArrayList<>();
			List<Object[]> tags = new ArrayList<>();
			List<Object[]> links = new ArrayList<>();
			List<Object[]> addDependencies = new ArrayList<>();
			List<Object[]> removeDependencies = new ArrayList<>();
			List<Long> pendingOwnerHolders = new ArrayList<>();
			List<Long> pendingDependencyHolders = new ArrayList<>();
			List<Row> pendingRows = new ArrayList<>();
			for (ServiceStep step : this.planned.services()) {
				ServiceValues values = step.descriptor().values();
				long id = this.serviceIds.get(step.descriptor().key());
				Owner owner = owner(step.descriptor());
				CurrentService current = step.current();
				boolean ownerLinks = current != null && !current.ownerLinked() && owner.linked();
				if (current == null || step.status() == ImportStatus.UPDATED || ownerLinks) {
					Object[] row = { values.name(), Keys.of(values.name()), values.title(), values.description(),
							owner.teamId(), owner.personId(), owner.reference(), values.tier(), values.lifecycle(),
							values.system(), this.source, ImportedValues.write(values), this.now };
					if (current == null) {
						inserts.add(prepend(id, row));
					}
					else {
						updates.add(append(row, id, current.version()));
					}
					this.changedServices.add(values.name());
				}
				else if (!this.source.equals(current.source()) || !values.equals(current.imported())) {
					bookkeeping.add(new Object[] { this.source, ImportedValues.write(values), id, current.version() });
				}
				if (current == null || !current.values().tags().equals(values.tags())
						|| !current.values().links().equals(values.links())) {
					if (current != null) {
						replaced.add(id);
					}
					values.tags().forEach((tag) -> tags.add(new Object[] { id, tag }));
					for (int position = 0; position < values.links().size(); position++) {
						LinkValue link = values.links().get(position);
						links.add(new Object[] { id, position, link.type(), link.url(), link.title() });
					}
				}
				Set<String> linked = (current != null) ? current.dependsOn() : Set.of();
				Set<String> pendingDependencies = new TreeSet<>();
				for (String key : values.dependsOn()) {
					Long target = this.serviceIds.get(key);
					if (target == null) {
						pendingDependencies.add(key);
					}
					else if (!linked.contains(key)) {
						addDependencies.add(new Object[] { id, target });
					}
				}
				linked.stream()
					.filter((key) -> !values.dependsOn().contains(key))
					.forEach((key) -> removeDependencies.add(new Object[] { id, this.state.serviceIds().get(key) }));
				if (!pendingDependencies.equals((current != null) ? current.pendingDependsOn() : Set.of())) {
					pendingDependencyHolders.add(id);
					pendingDependencies.forEach((key) -> pendingRows.add(new Row(CatalogKind.SERVICE, id, Relation.DEPENDS_ON, key)));
				}
				Target pendingOwner = owner.linked() ? null : step.descriptor().owner();
				if (!Objects.equals(pendingOwner, (current != null) ? current.pendingOwner() : null)) {
					pendingOwnerHolders.add(id);
					if (pendingOwner != null) {
						pendingRows.add(new Row(CatalogKind.SERVICE, id, pendingOwner.relation(), pendingOwner.key()));
					}
				}
			}
			batch("""
					insert into services (id, name, name_key, title, description, owner_team_id, owner_person_id,
					                      owner_reference, tier, lifecycle, system, import_source, imported_values,
					                      version, created_at, updated_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 0, ?, ?)""",
					inserts.stream().map((row) -> append(row, this.now)).toList());
			versioned("service", """
					update services set name = ?, name_key = ?, title = ?, description = ?, owner_team_id = ?,
					                    owner_person_id = ?, owner_reference = ?, tier = ?, lifecycle = ?, system = ?,
					                    import_source = ?, imported_values = ?::jsonb, version = version + 1, updated_at = ?
					where id = ? and version = ?""", updates);
			versioned("service",
					"update services set import_source = ?, imported_values = ?::jsonb where id = ? and version = ?",
					bookkeeping);
			List<Object[]> replacedIds = replaced.stream().map((id) -> new Object[] { id }).toList();
			batch("delete from service_tags where service_id = ?", replacedIds);
			batch("delete from service_links where service_id = ?", replacedIds);
			batch("insert into service_tags (service_id, tag) values (?, ?)", tags);
			batch("insert into service_links (service_id, position, type, url, title) values (?, ?, ?, ?, ?)", links);
			batch("delete from service_dependencies where service_id = ? and depends_on_id = ?", removeDependencies);
			batch("insert into service_dependencies (service_id, depends_on_id) values (?, ?)", addDependencies);
			CatalogWriter.this.pending.delete(CatalogKind.SERVICE, Relation.OWNER_TEAM, pendingOwnerHolders);
			CatalogWriter.this.pending.delete(CatalogKind.SERVICE, Relation.OWNER_PERSON, pendingOwnerHolders);
			CatalogWriter.this.pending.delete(CatalogKind.SERVICE, Relation.DEPENDS_ON, pendingDependencyHolders);
			CatalogWriter.this.pending.insert(pendingRows);
		}

		/** The owner columns of a service: a linked team or person, or the reference as written. */
		private record Owner(Long teamId, Long personId, String reference) {

			boolean linked() {
				return this.teamId != null || this.personId != null;
			}
		}

		private Owner owner(ServiceDescriptor descriptor) {
			Target target = descriptor.owner();
			if (target != null) {
				Long id = ((target.relation() == Relation.OWNER_TEAM) ? this.teamIds : this.personIds).get(target.key());
				if (id != null) {
					return (target.relation() == Relation.OWNER_TEAM) ? new Owner(id, null, null) : new Owner(null, id, null);
				}
			}
			return new Owner(null, null, descriptor.ownerWritten());
		}

		// Shared

		private void versioned(String kind, String sql, List<Object[]> rows) {
			int[] counts = batch(sql, rows);
			for (int count : counts) {
				if (count == 0) {
					throw new OptimisticLockingFailureException("A " + kind + " of this import was changed by someone else "
							+ "while the import ran; nothing was written, run the import again");
				}
			}
		}

		private int[] batch(String sql, List<Object[]> rows) {
			return rows.isEmpty() ? new int[0] : CatalogWriter.this.jdbc.batchUpdate(sql, rows);
		}

		/** Takes ids for new entries from the entity's sequence, as the persistence layer would. */
		private <S> void allocate(String sequence, List<S> created, Map<String, Long> ids, Function<S, String> key) {
			if (created.isEmpty()) {
				return;
			}
			List<Long> allocated = CatalogWriter.this.jdbc
				.queryForList("select nextval('" + sequence + "') from generate_series(1, ?)", Long.class, created.size());
			for (int i = 0; i < created.size(); i++) {
				ids.put(key.apply(created.get(i)), allocated.get(i));
			}
		}
	}

	private static <S> List<S> created(List<S> steps, Function<S, ImportStatus> status) {
		return steps.stream().filter((step) -> status.apply(step) == ImportStatus.CREATED).toList();
	}

	private static Map<String, Long> withoutRemoved(Map<String, Long> ids, Collection<String> removedNames) {
		Map<String, Long> copy = new HashMap<>(ids);
		removedNames.forEach((name) -> copy.remove(Keys.of(name)));
		return copy;
	}

	private static Object[] prepend(Object first, Object[] rest) {
		Object[] row = new Object[rest.length + 1];
		row[0] = first;
		System.arraycopy(rest, 0, row, 1, rest.length);
		return row;
	}

	private static Object[] append(Object[] first, Object... rest) {
		Object[] row = new Object[first.length + rest.length];
		System.arraycopy(first, 0, row, 0, first.length);
		System.arraycopy(rest, 0, row, first.length, rest.length);
		return row;
	}
}
