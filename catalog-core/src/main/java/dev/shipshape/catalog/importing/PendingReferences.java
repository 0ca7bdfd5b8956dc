package dev.shipshape.catalog.importing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * References to entries that do not exist yet, kept in {@code catalog_pending_references} by the
 * entry that wrote them, and linked up as soon as their target exists: a person imported before
 * their team becomes a member when the team arrives, whichever source brings it.
 */
@Component
class PendingReferences {

	/** How each relation becomes a link, with the arguments of {@link #linkArguments}. */
	private static final Map<Relation, String> LINKS = Map.of(Relation.MEMBERS,
			"insert into team_members (team_id, person_id) values (?, ?) on conflict do nothing", Relation.MEMBER_OF,
			"insert into team_members (team_id, person_id) values (?, ?) on conflict do nothing", Relation.DEPENDS_ON,
			"insert into service_dependencies (service_id, depends_on_id) values (?, ?) on conflict do nothing",
			Relation.OWNER_TEAM, """
					update services set owner_team_id = ?, owner_reference = null, version = version + 1
					where id = ? and owner_team_id is null and owner_person_id is null""", Relation.OWNER_PERSON, """
					update services set owner_person_id = ?, owner_reference = null, version = version + 1
					where id = ? and owner_team_id is null and owner_person_id is null""");

	private final JdbcTemplate jdbc;

	PendingReferences(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One pending reference to write: the holder's id and kind, the relation and the target's key. */
	record Row(CatalogKind holderKind, long holderId, Relation relation, String target) {
	}

	/** Deletes the pending references of one relation of the given holders. */
	void delete(CatalogKind holderKind, Relation relation, Collection<Long> holderIds) {
		if (!holderIds.isEmpty()) {
			this.jdbc.batchUpdate("delete from catalog_pending_references where " + holderColumn(holderKind)
					+ " = ? and relation = ?", holderIds.stream().map((id) -> new Object[] { id, relation.column() }).toList());
		}
	}

	void insert(Collection<Row> rows) {
		for (CatalogKind kind : CatalogKind.values()) {
			List<Object[]> batch = rows.stream()
				.filter((row) -> row.holderKind() == kind)
				.map((row) -> new Object[] { row.holderId(), row.relation().column(), row.target() })
				.toList();
			if (!batch.isEmpty()) {
				this.jdbc.batchUpdate("insert into catalog_pending_references (" + holderColumn(kind)
						+ ", relation, target_key) values (?, ?, ?)", batch);
			}
		}
	}

	/**
	 * Links every pending reference whose target exists now, and returns the names of the services
	 * whose owner or dependencies changed. A parent that would make a cycle stays pending; an owner
	 * given by hand in the meantime wins over the pending one.
	 */
	Set<String> resolve() {
		List<Resolvable> resolvable = this.jdbc.query("""
				select r.id, r.relation, coalesce(r.team_id, r.person_id, r.service_id), coalesce(t.id, p.id, s.id)
				from catalog_pending_references r
				left join teams t on r.relation in ('parent', 'memberOf', 'ownerTeam') and t.name_key = r.target_key
				left join people p on r.relation in ('members', 'ownerPerson') and p.name_key = r.target_key
				left join services s on r.relation = 'dependsOn' and s.name_key = r.target_key
				where coalesce(t.id, p.id, s.id) is not null
				order by r.id
				""", (rs, row) -> new Resolvable(rs.getLong(1), Relation.ofColumn(rs.getString(2)), rs.getLong(3), rs.getLong(4)));
		if (resolvable.isEmpty()) {
			return Set.of();
		}
		Set<Long> changedServices = new HashSet<>();
		List<Long> done = new ArrayList<>();
		Map<Relation, List<Resolvable>> byRelation = new EnumMap<>(Relation.class);
		resolvable.forEach((reference) -> byRelation.computeIfAbsent(reference.relation(), (relation) -> new ArrayList<>())
			.add(reference));
		byRelation.forEach((relation, references) -> {
			if (relation == Relation.PARENT) {
				done.addAll(linkParents(references));
				return;
			}
			this.jdbc.batchUpdate(LINKS.get(relation), references.stream().map(PendingReferences::linkArguments).toList());
			if (relation.target() == CatalogKind.SERVICE || relation == Relation.OWNER_TEAM
					|| relation == Relation.OWNER_PERSON) {
				references.forEach((reference) -> changedServices.add(reference.holder()));
			}
			references.forEach((reference) -> done.add(reference.id()));
		});
		this.jdbc.batchUpdate("delete from catalog_pending_references where id = ?",
				done.stream().map((id) -> new Object[] { id }).toList());
		return serviceNames(changedServices);
	}

	/** Team and person for memberships, holder and target for dependencies, target and holder for owners. */
	private static Object[] linkArguments(Resolvable reference) {
		return switch (reference.relation()) {
			case MEMBERS, DEPENDS_ON -> new Object[] { reference.holder(), reference.target() };
			default -> new Object[] { reference.target(), reference.holder() };
		};
	}

	/** Links parents that make no cycle with the teams as they are; returns the references done. */
	private List<Long> linkParents(List<Resolvable> references) {
		if (references.isEmpty()) {
			return List.of();
		}
		Map<Long, Long> parents = new HashMap<>();
		this.jdbc.query("select id, parent_id from teams",
				(RowCallbackHandler) (rs) -> parents.put(rs.getLong(1), (Long) rs.getObject(2)));
		List<Long> done = new ArrayList<>();
		for (Resolvable reference : references) {
			if (parents.get(reference.holder()) != null) {
				done.add(reference.id());
			}
			else if (!isAncestor(reference.holder(), reference.target(), parents)) {
				this.jdbc.update("update teams set parent_id = ?, version = version + 1 where id = ? and parent_id is null",
						reference.target(), reference.holder());
				parents.put(reference.holder(), reference.target());
				done.add(reference.id());
			}
		}
		return done;
	}

	private static boolean isAncestor(long team, long of, Map<Long, Long> parents) {
		Set<Long> seen = new HashSet<>();
		for (Long current = of; current != null && seen.add(current); current = parents.get(current)) {
			if (current == team) {
				return true;
			}
		}
		return false;
	}

	private Set<String> serviceNames(Set<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.queryForList("select name from services where id = any(?)", String.class,
				(Object) ids.toArray(Long[]::new)));
	}

	static String holderColumn(CatalogKind kind) {
		return switch (kind) {
			case TEAM -> "team_id";
			case PERSON -> "person_id";
			case SERVICE -> "service_id";
		};
	}

	private record Resolvable(long id, Relation relation, long holder, long target) {
	}
}
