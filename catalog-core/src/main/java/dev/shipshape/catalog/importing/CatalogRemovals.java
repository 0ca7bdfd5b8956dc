package dev.shipshape.catalog.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

import dev.shipshape.catalog.importing.CatalogState.CurrentPerson;
import dev.shipshape.catalog.importing.CatalogState.CurrentService;
import dev.shipshape.catalog.importing.CatalogState.CurrentTeam;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Removes the entries a pruning import found gone from their source. Nothing that pointed at them
 * is dropped silently: a service they owned keeps the owner as an unresolved reference, a child
 * team, a member or a dependent that declared them waits for them as a pending reference, and all
 * of it links up again should they come back.
 */
@Component
class CatalogRemovals {

	private final JdbcTemplate jdbc;

	CatalogRemovals(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Removes the planned entries; returns services that changed, adds the removed ones to {@code removed}. */
	Set<String> remove(Planned planned, Set<String> removed) {
		lock("services", versions(planned.removedServices(), CurrentService::id, CurrentService::version));
		lock("teams", versions(planned.removedTeams(), CurrentTeam::id, CurrentTeam::version));
		lock("people", versions(planned.removedPeople(), CurrentPerson::id, CurrentPerson::version));
		Set<String> changed = new HashSet<>();
		planned.removedServices().forEach((service) -> {
			changed.addAll(removeService(service));
			removed.add(service.values().name());
		});
		planned.removedTeams().forEach((team) -> changed.addAll(removeTeam(team)));
		planned.removedPeople().forEach((person) -> changed.addAll(removePerson(person)));
		return changed;
	}

	private List<String> removeService(CurrentService service) {
		String key = Keys.of(service.values().name());
		List<String> dependents = this.jdbc.queryForList("""
				select s.name from service_dependencies x join services s on s.id = x.service_id where x.depends_on_id = ?
				""", String.class, service.id());
		waitFor("service_id", Relation.DEPENDS_ON, key, """
				select x.service_id from service_dependencies x join services s on s.id = x.service_id
				where x.depends_on_id = ? and coalesce(jsonb_exists(s.imported_values -> 'dependsOn', ?), false)
				""", service.id(), key);
		this.jdbc.update("delete from services where id = ?", service.id());
		return dependents;
	}

	private List<String> removeTeam(CurrentTeam team) {
		String key = Keys.of(team.name());
		List<String> owned = this.jdbc.queryForList("select name from services where owner_team_id = ?", String.class,
				team.id());
		waitFor("service_id", Relation.OWNER_TEAM, key, "select id from services where owner_team_id = ?", team.id());
		this.jdbc.update("""
				update services set owner_team_id = null, owner_reference = ?, version = version + 1 where owner_team_id = ?
				""", team.name(), team.id());
		waitFor("team_id", Relation.PARENT, key, "select id from teams where parent_id = ?", team.id());
		this.jdbc.update("update teams set parent_id = null, version = version + 1 where parent_id = ?", team.id());
		waitFor("person_id", Relation.MEMBER_OF, key, """
				select m.person_id from team_members m join people p on p.id = m.person_id
				where m.team_id = ? and coalesce(jsonb_exists(p.imported_values -> 'memberOf', ?), false)
				""", team.id(), key);
		this.jdbc.update("delete from teams where id = ?", team.id());
		return owned;
	}

	private List<String> removePerson(CurrentPerson person) {
		String key = Keys.of(person.name());
		List<String> owned = this.jdbc.queryForList("select name from services where owner_person_id = ?", String.class,
				person.id());
		waitFor("service_id", Relation.OWNER_PERSON, key, "select id from services where owner_person_id = ?", person.id());
		this.jdbc.update("""
				update services set owner_person_id = null, owner_reference = ?, version = version + 1
				where owner_person_id = ?
				""", "user:" + person.name(), person.id());
		waitFor("team_id", Relation.MEMBERS, key, """
				select m.team_id from team_members m join teams t on t.id = m.team_id
				where m.person_id = ? and coalesce(jsonb_exists(t.imported_values -> 'members', ?), false)
				""", person.id(), key);
		this.jdbc.update("delete from people where id = ?", person.id());
		return owned;
	}

	/** Adds a pending reference to {@code target} for each holder the query selects, unless it has one. */
	private void waitFor(String holderColumn, Relation relation, String target, String holders, Object... arguments) {
		List<Object> all = new ArrayList<>(List.of(relation.column(), target));
		all.addAll(List.of(arguments));
		all.addAll(List.of(relation.column(), target));
		this.jdbc.update("""
				insert into catalog_pending_references (%1$s, relation, target_key)
				select holder.id, ?, ? from (%2$s) as holder(id)
				where not exists (select 1 from catalog_pending_references r
				                  where r.%1$s = holder.id and r.relation = ? and r.target_key = ?)
				""".formatted(holderColumn, holders), all.toArray());
	}

	/**
	 * Locks the rows to remove and checks they are as the planner read them, so that a hand edit
	 * made meanwhile is never removed unseen.
	 */
	private void lock(String table, Map<Long, Long> versions) {
		if (versions.isEmpty()) {
			return;
		}
		Map<Long, Long> found = new HashMap<>();
		this.jdbc.query("select id, version from " + table + " where id = any(?) for update",
				(RowCallbackHandler) (rs) -> found.put(rs.getLong(1), rs.getLong(2)),
				(Object) versions.keySet().toArray(Long[]::new));
		if (!found.equals(versions)) {
			throw new OptimisticLockingFailureException("An entry this import removes was changed by someone else while "
					+ "the import ran; nothing was written, run the import again");
		}
	}

	private static <T> Map<Long, Long> versions(List<T> entries, ToLongFunction<T> id,
			ToLongFunction<T> version) {
		Map<Long, Long> versions = new HashMap<>();
		entries.forEach((entry) -> versions.put(id.applyAsLong(entry), version.applyAsLong(entry)));
		return versions;
	}
}
