package dev.shipshape.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads services with their owner, tags, links and facts in bulk: four queries per batch, whatever
 * its size. This is what evaluations read; pages use {@link CatalogManagement}.
 */
@Service
@Transactional(readOnly = true)
public class ServiceSnapshots {

	private static final String SELECT = """
			SELECT s.id, s.name, s.title, s.description, s.tier, s.lifecycle, s.system, s.owner_reference, s.updated_at,
			       t.name, t.display_name, t.email, t.chat_channel, p.name, p.display_name, p.email, p.chat
			FROM services s
			LEFT JOIN teams t ON t.id = s.owner_team_id
			LEFT JOIN people p ON p.id = s.owner_person_id
			""";

	private final JdbcTemplate jdbc;

	ServiceSnapshots(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The named services that exist, in no particular order. */
	public List<ServiceSnapshot> find(Collection<String> names) {
		if (names.isEmpty()) {
			return List.of();
		}
		String[] keys = names.stream().map(CatalogNames::key).distinct().toArray(String[]::new);
		return load(SELECT + " WHERE s.name_key = ANY (?)", keys);
	}

	public boolean exists(String name) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("SELECT exists (SELECT 1 FROM services WHERE name_key = ?)",
				Boolean.class, CatalogNames.key(name)));
	}

	/** Hands every service of the catalog to the consumer, in batches of the given size. */
	public void forEachBatch(int batchSize, Consumer<List<ServiceSnapshot>> consumer) {
		idBatches(batchSize).forEach((ids) -> consumer.accept(byIds(ids)));
	}

	/** The ids of every service of the catalog, in batches of the given size, for {@link #byIds}. */
	public List<List<Long>> idBatches(int batchSize) {
		List<Long> ids = this.jdbc.queryForList("SELECT id FROM services ORDER BY id", Long.class);
		List<List<Long>> batches = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += batchSize) {
			batches.add(ids.subList(from, Math.min(ids.size(), from + batchSize)));
		}
		return batches;
	}

	/** The services of these ids that still exist. */
	public List<ServiceSnapshot> byIds(List<Long> ids) {
		return ids.isEmpty() ? List.of() : load(SELECT + " WHERE s.id = ANY (?)", ids.toArray(Long[]::new));
	}

	private List<ServiceSnapshot> load(String sql, Object[] ids) {
		Map<Long, Row> rows = new LinkedHashMap<>();
		this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement(sql);
			statement.setArray(1, array(connection, ids));
			return statement;
		}, (ResultSet rs) -> {
			rows.put(rs.getLong(1), Row.of(rs));
		});
		if (rows.isEmpty()) {
			return List.of();
		}
		Long[] serviceIds = rows.keySet().toArray(Long[]::new);
		Map<Long, List<String>> tags = new HashMap<>();
		query("SELECT service_id, tag FROM service_tags WHERE service_id = ANY (?) ORDER BY tag", serviceIds,
				(rs) -> tags.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(rs.getString(2)));
		Map<Long, Map<LinkType, String>> links = new HashMap<>();
		query("SELECT service_id, type, url FROM service_links WHERE service_id = ANY (?) ORDER BY position", serviceIds,
				(rs) -> links.computeIfAbsent(rs.getLong(1), (id) -> new EnumMap<>(LinkType.class))
					.putIfAbsent(LinkType.parse(rs.getString(2)).orElse(LinkType.OTHER), rs.getString(3)));
		Map<Long, Map<String, Object>> facts = new HashMap<>();
		query("SELECT service_id, name, value::text FROM service_facts WHERE service_id = ANY (?) ORDER BY name", serviceIds,
				(rs) -> facts.computeIfAbsent(rs.getLong(1), (id) -> new LinkedHashMap<>())
					.put(rs.getString(2), FactJson.read(rs.getString(3))));
		return rows.entrySet()
			.stream()
			.map((entry) -> entry.getValue()
				.snapshot(tags.getOrDefault(entry.getKey(), List.of()), links.getOrDefault(entry.getKey(), Map.of()),
						facts.getOrDefault(entry.getKey(), Map.of())))
			.toList();
	}

	private void query(String sql, Long[] ids, RowConsumer consumer) {
		this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement(sql);
			statement.setArray(1, array(connection, ids));
			return statement;
		}, (ResultSet rs) -> {
			consumer.accept(rs);
		});
	}

	private static Array array(Connection connection, Object[] values) throws SQLException {
		return connection.createArrayOf((values instanceof Long[]) ? "bigint" : "varchar", values);
	}

	@FunctionalInterface
	private interface RowConsumer {

		void accept(ResultSet rs) throws SQLException;

	}

	private record Row(String name, String title, String description, Integer tier, String lifecycle, String system,
			Owner owner, java.time.Instant updatedAt) {

		static Row of(ResultSet rs) throws SQLException {
			return new Row(rs.getString(2), rs.getString(3), rs.getString(4), (Integer) rs.getObject(5), rs.getString(6),
					rs.getString(7), owner(rs), rs.getTimestamp(9).toInstant());
		}

		private static Owner owner(ResultSet rs) throws SQLException {
			if (rs.getString(10) != null) {
				return new Owner(OwnerKind.TEAM, rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13));
			}
			if (rs.getString(14) != null) {
				return new Owner(OwnerKind.PERSON, rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17));
			}
			String reference = rs.getString(8);
			return (reference != null) ? new Owner(OwnerKind.UNRESOLVED, reference, null, null, null) : null;
		}

		ServiceSnapshot snapshot(List<String> tags, Map<LinkType, String> links, Map<String, Object> facts) {
			return new ServiceSnapshot(this.name, this.title, this.description, this.owner, this.tier, this.lifecycle,
					this.system, tags, links, facts, this.updatedAt);
		}
	}
}
