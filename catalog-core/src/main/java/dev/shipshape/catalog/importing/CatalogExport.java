package dev.shipshape.catalog.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.shipshape.catalog.CatalogEntryNotFoundException;
import dev.shipshape.catalog.CatalogNames;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.representer.Representer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the catalog, or one team's part of it (the team, its members and the services it owns),
 * as Backstage descriptors: Groups, then Users, then Components, each sorted by name. Importing
 * the result as the source it came from changes nothing, and exporting again gives the same text.
 * Services are read and written in pages, so the export streams however large the catalog is.
 */
@Service
public class CatalogExport {

	private static final int PAGE = 500;

	private static final String API_VERSION = "backstage.io/v1alpha1";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate snapshot;

	CatalogExport(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.snapshot = new TransactionTemplate(transactionManager);
		this.snapshot.setReadOnly(true);
		// One consistent view of the catalog across all the queries of one export.
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/**
	 * Writes the whole catalog, or with {@code owner} the part of one team, to {@code out}.
	 * @throws CatalogEntryNotFoundException when no team is named {@code owner}
	 */
	public void export(String owner, Writer out) {
		this.snapshot.executeWithoutResult((status) -> {
			Long team = (owner != null) ? teamId(owner) : null;
			Yaml yaml = yaml();
			teams(team).forEach((group) -> write(yaml, group, out));
			people(team).forEach((user) -> write(yaml, user, out));
			services(team, (component) -> write(yaml, component, out));
		});
	}

	private Long teamId(String owner) {
		List<Long> ids = this.jdbc.queryForList("select id from teams where name_key = ?", Long.class,
				CatalogNames.key(owner.trim()));
		if (ids.isEmpty()) {
			throw new CatalogEntryNotFoundException("team", owner);
		}
		return ids.get(0);
	}

	// Groups

	private List<Map<String, Object>> teams(Long team) {
		Map<String, List<String>> children = new HashMap<>();
		this.jdbc.query("select p.name_key, c.name from teams c join teams p on p.id = c.parent_id order by c.name_key",
				(RowCallbackHandler) (rs) -> children.computeIfAbsent(rs.getString(1), (key) -> new ArrayList<>())
					.add(rs.getString(2)));
		Map<String, String> pendingParents = pendingOf("team_id", "teams", "parent");
		List<Map<String, Object>> groups = new ArrayList<>();
		this.jdbc.query("""
				select t.name, t.name_key, t.display_name, t.email, t.description, p.name
				from teams t left join teams p on p.id = t.parent_id
				where ?::bigint is null or t.id = ?
				order by t.name_key
				""", (RowCallbackHandler) (rs) -> {
			Map<String, Object> metadata = metadata(rs.getString(1), null, rs.getString(5));
			Map<String, Object> spec = new LinkedHashMap<>();
			spec.put("type", "team");
			putIfPresent(spec, "profile", profile(rs.getString(3), rs.getString(4)));
			putIfPresent(spec, "parent", (rs.getString(6) != null) ? rs.getString(6) : pendingParents.get(rs.getString(2)));
			spec.put("children", children.getOrDefault(rs.getString(2), List.of()));
			groups.add(entity("Group", metadata, spec));
		}, team, team);
		return groups;
	}

	// Users

	private List<Map<String, Object>> people(Long team) {
		Map<String, Set<String>> teams = new HashMap<>();
		this.jdbc.query("select p.name_key, t.name_key from team_members m join teams t on t.id = m.team_id "
				+ "join people p on p.id = m.person_id", (RowCallbackHandler) (rs) -> teams
					.computeIfAbsent(rs.getString(1), (key) -> new TreeSet<>())
					.add(rs.getString(2)));
		this.jdbc.query("""
				select p.name_key, r.target_key from catalog_pending_references r join people p on p.id = r.person_id
				where r.relation = 'memberOf'
				""", (RowCallbackHandler) (rs) -> teams.computeIfAbsent(rs.getString(1), (key) -> new TreeSet<>())
			.add(rs.getString(2)));
		List<Map<String, Object>> users = new ArrayList<>();
		this.jdbc.query("""
				select p.name, p.name_key, p.display_name, p.email from people p
				where ?::bigint is null or exists (select 1 from team_members m where m.person_id = p.id and m.team_id = ?)
				order by p.name_key
				""", (RowCallbackHandler) (rs) -> {
			Map<String, Object> spec = new LinkedHashMap<>();
			putIfPresent(spec, "profile", profile(rs.getString(3), rs.getString(4)));
			spec.put("memberOf", List.copyOf(teams.getOrDefault(rs.getString(2), Set.of())));
			users.add(entity("User", metadata(rs.getString(1), null, null), spec));
		}, team, team);
		return users;
	}

	// Components

	private void services(Long team, java.util.function.Consumer<Map<String, Object>> sink) {
		String after = "";
		while (true) {
			List<ServiceRow> page = this.jdbc.query("""
					select s.id, s.name, s.name_key, s.title, s.description, s.tier, s.lifecycle, s.system,
					       ot.name, op.name, s.owner_reference
					from services s
					left join teams ot on ot.id = s.owner_team_id
					left join people op on op.id = s.owner_person_id
					where s.name_key > ? and (?::bigint is null or s.owner_team_id = ?)
					order by s.name_key
					limit ?
					""", (rs, row) -> new ServiceRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), (Integer) rs.getObject(6), rs.getString(7), rs.getString(8),
					(rs.getString(9) != null) ? rs.getString(9)
							: (rs.getString(10) != null) ? "user:" + rs.getString(10) : rs.getString(11)),
					after, team, team, PAGE);
			if (page.isEmpty()) {
				return;
			}
			Long[] ids = page.stream().map(ServiceRow::id).toArray(Long[]::new);
			Map<Long, List<String>> tags = grouped("select service_id, tag from service_tags where service_id = any(?) "
					+ "order by tag", (Object) ids);
			Map<Long, List<Map<String, Object>>> links = links(ids);
			Map<Long, List<String>> dependsOn = grouped("""
					select x.service_id, d.name_key from service_dependencies x join services d on d.id = x.depends_on_id
					where x.service_id = any(?)
					union
					select service_id, target_key from catalog_pending_references
					where relation = 'dependsOn' and service_id = any(?)
					order by 2
					""", ids, ids);
			page.forEach((service) -> sink.accept(component(service, tags.getOrDefault(service.id(), List.of()),
					links.getOrDefault(service.id(), List.of()), dependsOn.getOrDefault(service.id(), List.of()))));
			after = page.get(page.size() - 1).nameKey();
		}
	}

	private record ServiceRow(long id, String name, String nameKey, String title, String description, Integer tier,
			String lifecycle, String system, String owner) {
	}

	private Map<String, Object> component(ServiceRow service, List<String> tags, List<Map<String, Object>> links,
			List<String> dependsOn) {
		Map<String, Object> metadata = metadata(service.name(), service.title(), service.description());
		if (!tags.isEmpty()) {
			metadata.put("tags", tags);
		}
		if (!links.isEmpty()) {
			metadata.put("links", links);
		}
		if (service.tier() != null) {
			metadata.put("annotations", Map.of(DocumentReader.TIER_ANNOTATION, service.tier().toString()));
		}
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("type", "service");
		putIfPresent(spec, "lifecycle", service.lifecycle());
		putIfPresent(spec, "owner", service.owner());
		putIfPresent(spec, "system", service.system());
		if (!dependsOn.isEmpty()) {
			spec.put("dependsOn", dependsOn.stream().map((key) -> "component:" + key).toList());
		}
		return entity("Component", metadata, spec);
	}

	private Map<Long, List<Map<String, Object>>> links(Long[] ids) {
		Map<Long, List<Map<String, Object>>> links = new HashMap<>();
		this.jdbc.query("select service_id, type, url, title from service_links where service_id = any(?) "
				+ "order by service_id, position", (RowCallbackHandler) (rs) -> {
			Map<String, Object> link = new LinkedHashMap<>();
			link.put("url", rs.getString(3));
			putIfPresent(link, "title", rs.getString(4));
			link.put("type", rs.getString(2));
			links.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(link);
		}, (Object) ids);
		return links;
	}

	// Shared

	private Map<Long, List<String>> grouped(String sql, Object... arguments) {
		Map<Long, List<String>> values = new HashMap<>();
		this.jdbc.query(sql, (RowCallbackHandler) (rs) -> values.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
			.add(rs.getString(2)), arguments);
		return values;
	}

	private Map<String, String> pendingOf(String holderColumn, String table, String relation) {
		Map<String, String> pending = new HashMap<>();
		this.jdbc.query("select h.name_key, r.target_key from catalog_pending_references r join " + table
				+ " h on h.id = r." + holderColumn + " where r.relation = ?",
				(RowCallbackHandler) (rs) -> pending.put(rs.getString(1), rs.getString(2)), relation);
		return pending;
	}

	private static Map<String, Object> entity(String kind, Map<String, Object> metadata, Map<String, Object> spec) {
		Map<String, Object> entity = new LinkedHashMap<>();
		entity.put("apiVersion", API_VERSION);
		entity.put("kind", kind);
		entity.put("metadata", metadata);
		entity.put("spec", spec);
		return entity;
	}

	private static Map<String, Object> metadata(String name, String title, String description) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("name", name);
		putIfPresent(metadata, "title", title);
		putIfPresent(metadata, "description", description);
		return metadata;
	}

	private static Map<String, Object> profile(String displayName, String email) {
		Map<String, Object> profile = new LinkedHashMap<>();
		putIfPresent(profile, "displayName", displayName);
		putIfPresent(profile, "email", email);
		return profile.isEmpty() ? null : profile;
	}

	private static void putIfPresent(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	private static Yaml yaml() {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setExplicitStart(true);
		options.setIndent(2);
		options.setIndicatorIndent(0);
		options.setSplitLines(false);
		return new Yaml(new Representer(options), options);
	}

	private static void write(Yaml yaml, Map<String, Object> entity, Writer out) {
		try {
			yaml.dump(entity, out);
		}
		catch (RuntimeException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw new UncheckedIOException(io);
			}
			throw ex;
		}
	}
}
