package dev.shipshape.catalog.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.shipshape.catalog.importing.CatalogState.CurrentPerson;
import dev.shipshape.catalog.importing.CatalogState.CurrentService;
import dev.shipshape.catalog.importing.CatalogState.CurrentTeam;
import dev.shipshape.catalog.importing.CatalogState.Membership;
import dev.shipshape.catalog.importing.CatalogState.PendingReference;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Reads the catalog state an import needs in a fixed number of queries, however large the upload:
 * plain JDBC, because thousands of entities through a persistence context would cost more time
 * and memory than the whole import may take.
 */
@Component
class CatalogStateLoader {

	private static final String SERVICES_OF_INTEREST = "(s.name_key = any(?) or s.import_source = ?)";

	private final JdbcTemplate jdbc;

	CatalogStateLoader(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The state for an upload of {@code source} that names the given people and services (name keys). */
	CatalogState load(String source, Collection<String> personKeys, Collection<String> serviceKeys) {
		List<PendingReference> pending = pending();
		Set<Membership> byTeam = new HashSet<>();
		Set<Membership> byPerson = new HashSet<>();
		Map<String, Set<String>> membersOfTeam = new HashMap<>();
		Map<String, Set<String>> teamsOfPerson = new HashMap<>();
		this.jdbc.query("""
				select t.name_key, p.name_key,
				       coalesce(jsonb_exists(t.imported_values -> 'members', p.name_key), false),
				       coalesce(jsonb_exists(p.imported_values -> 'memberOf', t.name_key), false)
				from team_members m join teams t on t.id = m.team_id join people p on p.id = m.person_id
				""", (RowCallbackHandler) (rs) -> {
			Membership membership = new Membership(rs.getString(1), rs.getString(2));
			membersOfTeam.computeIfAbsent(membership.team(), (key) -> new TreeSet<>()).add(membership.person());
			teamsOfPerson.computeIfAbsent(membership.person(), (key) -> new TreeSet<>()).add(membership.team());
			if (rs.getBoolean(3)) {
				byTeam.add(membership);
			}
			if (rs.getBoolean(4)) {
				byPerson.add(membership);
			}
		});
		Map<Holder, Set<String>> pendingByHolder = byHolder(pending);
		Map<String, CurrentTeam> teams = teams(membersOfTeam, pendingByHolder);
		Map<String, CurrentPerson> people = people(source, personKeys, teamsOfPerson, pendingByHolder);
		Map<String, CurrentService> services = services(source, serviceKeys, pendingByHolder);
		return new CatalogState(ids("teams"), ids("people"), ids("services"), teams, people, services, byTeam, byPerson,
				pending);
	}

	private Map<String, Long> ids(String table) {
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.query("select name_key, id from " + table,
				(RowCallbackHandler) (rs) -> ids.put(rs.getString(1), rs.getLong(2)));
		return ids;
	}

	private List<PendingReference> pending() {
		return this.jdbc.query("""
				select r.relation, r.target_key, t.name_key, p.name_key, s.name_key
				from catalog_pending_references r
				left join teams t on t.id = r.team_id
				left join people p on p.id = r.person_id
				left join services s on s.id = r.service_id
				""", (rs, row) -> {
			Relation relation = Relation.ofColumn(rs.getString(1));
			CatalogKind holderKind = (rs.getString(3) != null) ? CatalogKind.TEAM
					: (rs.getString(4) != null) ? CatalogKind.PERSON : CatalogKind.SERVICE;
			String holder = (rs.getString(3) != null) ? rs.getString(3)
					: (rs.getString(4) != null) ? rs.getString(4) : rs.getString(5);
			return new PendingReference(holderKind, holder, relation, rs.getString(2));
		});
	}

	private Map<String, CurrentTeam> teams(Map<String, Set<String>> members, Map<Holder, Set<String>> pending) {
		Map<String, CurrentTeam> teams = new HashMap<>();
		this.jdbc.query("""
				select t.id, t.version, t.import_source, t.imported_values::text, t.name, t.display_name, t.email,
				       t.description, p.name_key, t.name_key
				from teams t left join teams p on p.id = t.parent_id
				""", (RowCallbackHandler) (rs) -> {
			String key = rs.getString(10);
			teams.put(key, new CurrentTeam(rs.getLong(1), rs.getLong(2), rs.getString(3),
					ImportedValues.read(rs.getString(4), TeamValues.class), rs.getString(5), rs.getString(6),
					rs.getString(7), rs.getString(8), rs.getString(9),
					pendingTargets(pending, CatalogKind.TEAM, key, Relation.PARENT).stream().findFirst().orElse(null),
					members.getOrDefault(key, Set.of()), pendingTargets(pending, CatalogKind.TEAM, key, Relation.MEMBERS)));
		});
		return teams;
	}

	private Map<String, CurrentPerson> people(String source, Collection<String> keys, Map<String, Set<String>> teams,
			Map<Holder, Set<String>> pending) {
		Map<String, CurrentPerson> people = new HashMap<>();
		this.jdbc.query("""
				select id, version, import_source, imported_values::text, name, display_name, email, name_key
				from people where name_key = any(?) or import_source = ?
				""", (RowCallbackHandler) (rs) -> {
			String key = rs.getString(8);
			people.put(key, new CurrentPerson(rs.getLong(1), rs.getLong(2), rs.getString(3),
					ImportedValues.read(rs.getString(4), PersonValues.class), rs.getString(5), rs.getString(6),
					rs.getString(7), teams.getOrDefault(key, Set.of()),
					pendingTargets(pending, CatalogKind.PERSON, key, Relation.MEMBER_OF)));
		}, keys.toArray(String[]::new), source);
		return people;
	}

	private Map<String, CurrentService> services(String source, Collection<String> keys,
			Map<Holder, Set<String>> pending) {
		Object[] interest = { keys.toArray(String[]::new), source };
		Map<String, Set<String>> tags = multimap("""
				select s.name_key, g.tag from service_tags g join services s on s.id = g.service_id
				where %s order by g.tag
				""".formatted(SERVICES_OF_INTEREST), interest, (rs) -> rs.getString(2));
		Map<String, List<LinkValue>> links = new HashMap<>();
		this.jdbc.query("""
				select s.name_key, l.type, l.url, l.title from service_links l join services s on s.id = l.service_id
				where %s order by l.service_id, l.position
				""".formatted(SERVICES_OF_INTEREST), (RowCallbackHandler) (rs) -> links
			.computeIfAbsent(rs.getString(1), (key) -> new ArrayList<>())
			.add(new LinkValue(rs.getString(2), rs.getString(3), rs.getString(4))), interest);
		Map<String, Set<String>> dependsOn = multimap("""
				select s.name_key, d.name_key from service_dependencies x
				join services s on s.id = x.service_id join services d on d.id = x.depends_on_id
				where %s
				""".formatted(SERVICES_OF_INTEREST), interest, (rs) -> rs.getString(2));
		Map<String, CurrentService> services = new HashMap<>();
		this.jdbc.query("""
				select s.id, s.version, s.import_source, s.imported_values::text, s.name, s.title, s.description,
				       ot.name_key, op.name_key, s.owner_reference, s.tier, s.lifecycle, s.system, s.name_key
				from services s
				left join teams ot on ot.id = s.owner_team_id
				left join people op on op.id = s.owner_person_id
				where %s
				""".formatted(SERVICES_OF_INTEREST), (RowCallbackHandler) (rs) -> {
			String key = rs.getString(14);
			Set<String> linked = dependsOn.getOrDefault(key, Set.of());
			Set<String> pendingDependsOn = pendingTargets(pending, CatalogKind.SERVICE, key, Relation.DEPENDS_ON);
			ServiceValues values = new ServiceValues(rs.getString(5), rs.getString(6), rs.getString(7), owner(rs),
					(Integer) rs.getObject(11), rs.getString(12), rs.getString(13),
					List.copyOf(tags.getOrDefault(key, Set.of())), links.getOrDefault(key, List.of()),
					CatalogState.sorted(linked, pendingDependsOn));
			services.put(key, new CurrentService(rs.getLong(1), rs.getLong(2), rs.getString(3),
					ImportedValues.read(rs.getString(4), ServiceValues.class), values,
					rs.getString(8) != null || rs.getString(9) != null, pendingOwner(pending, key), linked,
					pendingDependsOn));
		}, interest);
		return services;
	}

	/** The owner in the canonical form descriptors are compared in. */
	private static String owner(ResultSet rs) throws SQLException {
		if (rs.getString(8) != null) {
			return rs.getString(8);
		}
		if (rs.getString(9) != null) {
			return "user:" + rs.getString(9);
		}
		return (rs.getString(10) != null) ? References.canonicalOwner(rs.getString(10)) : null;
	}

	private Map<String, Set<String>> multimap(String sql, Object[] args, ValueReader reader) {
		Map<String, Set<String>> values = new HashMap<>();
		this.jdbc.query(sql, (RowCallbackHandler) (rs) -> values.computeIfAbsent(rs.getString(1), (key) -> new TreeSet<>())
			.add(reader.read(rs)), args);
		return values;
	}

	private static Set<String> pendingTargets(Map<Holder, Set<String>> pending, CatalogKind holderKind, String holder,
			Relation relation) {
		return pending.getOrDefault(new Holder(holderKind, holder, relation), Set.of());
	}

	private static Target pendingOwner(Map<Holder, Set<String>> pending, String service) {
		for (Relation relation : List.of(Relation.OWNER_TEAM, Relation.OWNER_PERSON)) {
			Set<String> targets = pendingTargets(pending, CatalogKind.SERVICE, service, relation);
			if (!targets.isEmpty()) {
				return new Target(relation, targets.iterator().next());
			}
		}
		return null;
	}

	private static Map<Holder, Set<String>> byHolder(List<PendingReference> pending) {
		Map<Holder, Set<String>> byHolder = new HashMap<>();
		for (PendingReference reference : pending) {
			byHolder.computeIfAbsent(new Holder(reference.holderKind(), reference.holder(), reference.relation()),
					(holder) -> new TreeSet<>())
				.add(reference.target());
		}
		return byHolder;
	}

	private record Holder(CatalogKind kind, String key, Relation relation) {
	}

	@FunctionalInterface
	private interface ValueReader {

		String read(ResultSet rs) throws SQLException;

	}
}
