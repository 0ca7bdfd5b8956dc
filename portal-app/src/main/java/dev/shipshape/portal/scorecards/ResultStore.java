package dev.shipshape.portal.scorecards;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shipshape.portal.scorecards.ServiceEvaluations.Evaluated;
import dev.shipshape.scorecard.CompiledScorecard;
import dev.shipshape.scorecard.Evaluation;
import dev.shipshape.scorecard.RuleResult;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The stored result of each service per scorecard, and the services waiting to be recomputed. A
 * result keeps what the evaluation found of each rule ({@link StoredRule}) and a digest of it: a
 * re-evaluation that finds the same updates the result's version and time without rewriting it.
 */
@Repository
class ResultStore {

	/** The stored result is not newer than the one being written, named by the argument. */
	private static final String NOT_NEWER = """
			(scorecard_results.version_number < %1$s.version_number
			 OR (scorecard_results.version_number = %1$s.version_number
			     AND scorecard_results.evaluated_at <= %1$s.evaluated_at))""";

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final ActiveScorecards scorecards;

	/** Leaves out what is null (most reasons, waivers, facts of rules that read none). */
	private final ObjectWriter rulesWriter;

	ResultStore(JdbcTemplate jdbc, JsonMapper json, ActiveScorecards scorecards) {
		this.jdbc = jdbc;
		this.json = json;
		this.scorecards = scorecards;
		this.rulesWriter = json.rebuild()
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build()
			.writerFor(StoredRule.LIST);
	}

	/**
	 * Stores results, never replacing one computed from a newer scorecard version, or at a later
	 * instant, than the one being written: several workers may race on the same service.
	 */
	void save(List<Evaluated> evaluations) {
		List<Row> rows = evaluations.stream().map(ResultStore::row).toList();
		Set<String> refreshed = refreshUnchanged(rows);
		List<Row> changed = rows.stream().filter((row) -> !refreshed.contains(row.id())).toList();
		this.jdbc.batchUpdate("""
				INSERT INTO scorecard_results (service_key, scorecard_id, version_number, applicable, level, ready, failing,
				                               evaluation, digest, evaluated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?::json, ?, ?)
				ON CONFLICT (service_key, scorecard_id) DO UPDATE SET
				    version_number = excluded.version_number, applicable = excluded.applicable, level = excluded.level,
				    ready = excluded.ready, failing = excluded.failing, evaluation = excluded.evaluation,
				    digest = excluded.digest, evaluated_at = excluded.evaluated_at
				WHERE """ + NOT_NEWER.formatted("excluded"), changed, 500, (statement, row) -> {
					statement.setString(1, row.serviceKey());
					statement.setLong(2, row.scorecardId());
					statement.setInt(3, row.version());
					statement.setBoolean(4, row.applicable());
					statement.setString(5, row.level());
					statement.setBoolean(6, row.ready());
					statement.setInt(7, row.failing());
					statement.setString(8, this.rulesWriter.writeValueAsString(StoredRule.listOf(row.evaluation())));
					statement.setBytes(9, row.digest());
					statement.setTimestamp(10, row.evaluatedAt());
				});
	}

	/**
	 * Updates version, time and level of the results whose rules are stored as they are, in one
	 * statement, and tells which it updated. The others are written whole.
	 */
	private Set<String> refreshUnchanged(List<Row> rows) {
		if (rows.isEmpty()) {
			return Set.of();
		}
		Set<String> refreshed = new HashSet<>();
		this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement("""
					UPDATE scorecard_results SET version_number = u.version_number, applicable = u.applicable,
					    level = u.level, ready = u.ready, failing = u.failing, evaluated_at = u.evaluated_at
					FROM unnest(?::varchar[], ?::bigint[], ?::int[], ?::boolean[], ?::varchar[], ?::boolean[], ?::int[],
					            ?::text[], ?::timestamptz[])
					     AS u(service_key, scorecard_id, version_number, applicable, level, ready, failing, digest,
					          evaluated_at)
					WHERE scorecard_results.service_key = u.service_key AND scorecard_results.scorecard_id = u.scorecard_id
					  AND scorecard_results.digest = decode(u.digest, 'hex') AND """ + NOT_NEWER.formatted("u") + """

					RETURNING scorecard_results.service_key, scorecard_results.scorecard_id""");
			statement.setArray(1, connection.createArrayOf("varchar", column(rows, Row::serviceKey)));
			statement.setArray(2, connection.createArrayOf("bigint", column(rows, Row::scorecardId)));
			statement.setArray(3, connection.createArrayOf("int4", column(rows, Row::version)));
			statement.setArray(4, connection.createArrayOf("bool", column(rows, Row::applicable)));
			statement.setArray(5, connection.createArrayOf("varchar", column(rows, Row::level)));
			statement.setArray(6, connection.createArrayOf("bool", column(rows, Row::ready)));
			statement.setArray(7, connection.createArrayOf("int4", column(rows, Row::failing)));
			statement.setArray(8, connection.createArrayOf("text", column(rows, (row) -> HexFormat.of().formatHex(row.digest()))));
			statement.setArray(9, connection.createArrayOf("timestamptz", column(rows, Row::evaluatedAt)));
			return statement;
		}, (ResultSet rs) -> {
			refreshed.add(Row.id(rs.getString(1), rs.getLong(2)));
		});
		return refreshed;
	}

	private static Object[] column(List<Row> rows, Function<Row, Object> value) {
		return rows.stream().map(value).toArray();
	}

	private static Row row(Evaluated evaluated) {
		Evaluation evaluation = evaluated.evaluation();
		int failing = 0;
		for (RuleResult result : evaluation.results()) {
			failing += result.outcome().isMissed() ? 1 : 0;
		}
		return new Row(evaluated.serviceKey(), evaluated.scorecard().scorecardId(), evaluated.scorecard().version(),
				evaluation.applicable(), evaluation.levelAchieved(), evaluation.ready(), failing, evaluation,
				StoredRuleDigest.of(evaluation.results()), Timestamp.from(evaluation.evaluatedAt()));
	}

	List<StoredResult> forService(String serviceKey) {
		return this.jdbc.query("""
				SELECT s.key, r.version_number, r.applicable, r.level, r.ready, r.evaluation::text, r.evaluated_at,
				       r.scorecard_id
				FROM scorecard_results r JOIN scorecards s ON s.id = r.scorecard_id
				WHERE r.service_key = ? AND s.archived_at IS NULL ORDER BY s.key""",
				(rs, row) -> new StoredResult(rs.getString(1), rs.getInt(2), rs.getBoolean(3), rs.getString(4),
						rs.getBoolean(5), rules(rs.getString(6), this.scorecards.compiled(rs.getLong(8), rs.getInt(2))),
						rs.getTimestamp(7).toInstant()),
				serviceKey);
	}

	private List<RuleResult> rules(String stored, CompiledScorecard version) {
		return this.json.readValue(stored, StoredRule.LIST).stream().map((rule) -> rule.result(version)).toList();
	}

	void remove(String serviceKey) {
		this.jdbc.update("DELETE FROM scorecard_results WHERE service_key = ?", serviceKey);
		this.jdbc.update("DELETE FROM stale_results WHERE service_key = ?", serviceKey);
	}

	void markStale(Collection<String> serviceKeys, Instant at) {
		this.jdbc.batchUpdate("""
				INSERT INTO stale_results (service_key, marked_at) VALUES (?, ?)
				ON CONFLICT (service_key) DO UPDATE SET marked_at = excluded.marked_at""", serviceKeys, 500,
				(statement, key) -> {
					statement.setString(1, key);
					statement.setTimestamp(2, Timestamp.from(at));
				});
	}

	/** Takes up to {@code limit} stale services off the list; other workers skip the ones taken. */
	List<String> takeStale(int limit) {
		return this.jdbc.queryForList("""
				DELETE FROM stale_results WHERE service_key IN (
				    SELECT service_key FROM stale_results ORDER BY marked_at LIMIT ? FOR UPDATE SKIP LOCKED)
				RETURNING service_key""", String.class, limit);
	}

	/** A result as it is written. */
	private record Row(String serviceKey, long scorecardId, int version, boolean applicable, String level, boolean ready,
			int failing, Evaluation evaluation, byte[] digest, Timestamp evaluatedAt) {

		String id() {
			return id(this.serviceKey, this.scorecardId);
		}

		static String id(String serviceKey, long scorecardId) {
			return scorecardId + "/" + serviceKey;
		}
	}

	/** A service's stored result by one scorecard version. */
	record StoredResult(String scorecardKey, int version, boolean applicable, String level, boolean ready,
			List<RuleResult> rules, Instant evaluatedAt) {
	}
}
