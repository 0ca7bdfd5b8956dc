package dev.shipshape.portal.releases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.shipshape.catalog.FactJson;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Releases in PostgreSQL, joined with the catalog for the release board. */
@Repository
class ReleaseStore {

	private static final String SELECT = """
			SELECT r.id, s.name, r.version, r.commit_sha, r.environment, r.facts::text, r.created_by, r.created_at,
			       r.updated_at, r.verdict, r.verdict_at
			FROM releases r JOIN services s ON s.name_key = r.service_key""";

	private final JdbcClient jdbc;

	ReleaseStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the release unless its version exists; true when this call created it. */
	boolean insertIfAbsent(String serviceKey, ReleaseForm form, String by, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO releases (service_key, version, commit_sha, environment, facts, created_by, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?)
				ON CONFLICT (service_key, version) DO NOTHING""")
			.params(serviceKey, form.version(), form.commit(), form.environment(), FactJson.write(form.facts()), by,
					Timestamp.from(at), Timestamp.from(at))
			.update() == 1;
	}

	Optional<Row> find(String serviceKey, String version) {
		return this.jdbc.sql(SELECT + " WHERE r.service_key = ? AND r.version = ?")
			.params(serviceKey, version)
			.query(ReleaseStore::row)
			.optional();
	}

	/** Locks the release until the transaction ends, so that concurrent fact merges do not lose each other. */
	Optional<Row> lock(String serviceKey, String version) {
		return this.jdbc.sql(SELECT + " WHERE r.service_key = ? AND r.version = ? FOR UPDATE OF r")
			.params(serviceKey, version)
			.query(ReleaseStore::row)
			.optional();
	}

	void replaceFacts(long id, Map<String, Object> facts, Instant at) {
		this.jdbc.sql("UPDATE releases SET facts = ?::jsonb, updated_at = ? WHERE id = ?")
			.params(FactJson.write(facts), Timestamp.from(at), id)
			.update();
	}

	/**
	 * Remembers the newest verdict, writing only when it changed so that reads stay reads.
	 * @return whether it changed
	 */
	boolean rememberVerdict(long id, Verdict verdict, Instant at) {
		return this.jdbc.sql("UPDATE releases SET verdict = ?, verdict_at = ? WHERE id = ? AND verdict IS DISTINCT FROM ?")
			.params(verdict.name(), Timestamp.from(at), id, verdict.name())
			.update() > 0;
	}

	List<Row> ofService(String serviceKey, int limit, int offset) {
		return this.jdbc.sql(SELECT + " WHERE r.service_key = ? ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?")
			.params(serviceKey, limit, offset)
			.query(ReleaseStore::row)
			.list();
	}

	long countOfService(String serviceKey) {
		return this.jdbc.sql("SELECT count(*) FROM releases WHERE service_key = ?").param(serviceKey).query(Long.class).single();
	}

	/** The release board: newest first, filtered by owning team, service, environment and verdict. */
	List<Row> board(BoardFilter filter, int limit, int offset) {
		List<Object> params = new ArrayList<>();
		String where = filter.where(params);
		params.add(limit);
		params.add(offset);
		return this.jdbc.sql(SELECT + " LEFT JOIN teams t ON t.id = s.owner_team_id" + where
				+ " ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?")
			.params(params)
			.query(ReleaseStore::row)
			.list();
	}

	long countBoard(BoardFilter filter) {
		List<Object> params = new ArrayList<>();
		String where = filter.where(params);
		return this.jdbc.sql("SELECT count(*) FROM releases r JOIN services s ON s.name_key = r.service_key"
				+ " LEFT JOIN teams t ON t.id = s.owner_team_id" + where)
			.params(params)
			.query(Long.class)
			.single();
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		Timestamp verdictAt = rs.getTimestamp(11);
		String verdict = rs.getString(10);
		@SuppressWarnings("unchecked")
		Map<String, Object> facts = (Map<String, Object>) FactJson.read(rs.getString(6));
		return new Row(rs.getLong(1), new ReleaseView(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				facts, rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(),
				(verdict != null) ? Verdict.valueOf(verdict) : null, (verdictAt != null) ? verdictAt.toInstant() : null));
	}

	record Row(long id, ReleaseView view) {
	}

	/** Filters of the release board; null or blank means any. */
	record BoardFilter(String team, String service, String environment, Verdict verdict) {

		String where(List<Object> params) {
			List<String> conditions = new ArrayList<>();
			if (team != null && !team.isBlank()) {
				conditions.add("t.name_key = lower(?)");
				params.add(team.trim());
			}
			if (service != null && !service.isBlank()) {
				conditions.add("r.service_key = lower(?)");
				params.add(service.trim());
			}
			if (environment != null && !environment.isBlank()) {
				conditions.add("r.environment = ?");
				params.add(environment.trim());
			}
			if (verdict != null) {
				conditions.add("r.verdict = ?");
				params.add(verdict.name());
			}
			return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		}
	}
}
