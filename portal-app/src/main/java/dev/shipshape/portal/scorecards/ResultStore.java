package dev.shipshape.portal.scorecards;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shipshape.portal.scorecards.ServiceEvaluations.Evaluated;
import dev.shipshape.scorecard.RuleResult;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The stored result of each service per scorecard, and the services waiting to be recomputed. */
@Repository
class ResultStore {

	private static final TypeReference<List<RuleResult>> RULE_RESULTS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	/** Leaves out what is null (most reasons, waivers, remediations): a tenth of every stored result. */
	private final ObjectWriter resultWriter;

	ResultStore(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		this.resultWriter = json.rebuild()
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build()
			.writerFor(RULE_RESULTS);
	}

	/**
	 * Stores results, never replacing one computed from a newer scorecard version, or at a later
	 * instant, than the one being written: several workers may race on the same service.
	 */
	void save(List<Evaluated> evaluations) {
		this.jdbc.batchUpdate("""
				INSERT INTO scorecard_results (service_key, scorecard_id, version_number, applicable, level, ready, failing,
				                               evaluation, evaluated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?::json, ?)
				ON CONFLICT (service_key, scorecard_id) DO UPDATE SET
				    version_number = excluded.version_number, applicable = excluded.applicable, level = excluded.level,
				    ready = excluded.ready, failing = excluded.failing, evaluation = excluded.evaluation,
				    evaluated_at = excluded.evaluated_at
				WHERE scorecard_results.version_number < excluded.version_number
				   OR (scorecard_results.version_number = excluded.version_number
				       AND scorecard_results.evaluated_at <= excluded.evaluated_at)""", evaluations, 500,
				(statement, evaluated) -> {
					var evaluation = evaluated.evaluation();
					statement.setString(1, evaluated.serviceKey());
					statement.setLong(2, evaluated.scorecard().scorecardId());
					statement.setInt(3, evaluated.scorecard().version());
					statement.setBoolean(4, evaluation.applicable());
					statement.setString(5, evaluation.levelAchieved());
					statement.setBoolean(6, evaluation.ready());
					statement.setInt(7, (int) evaluation.results().stream().filter((r) -> r.outcome().isMissed()).count());
					statement.setString(8, this.resultWriter.writeValueAsString(evaluation.results()));
					statement.setTimestamp(9, Timestamp.from(evaluation.evaluatedAt()));
				});
	}

	List<StoredResult> forService(String serviceKey) {
		return this.jdbc.query("""
				SELECT s.key, r.version_number, r.applicable, r.level, r.ready, r.evaluation::text, r.evaluated_at
				FROM scorecard_results r JOIN scorecards s ON s.id = r.scorecard_id
				WHERE r.service_key = ? AND s.archived_at IS NULL ORDER BY s.key""",
				(rs, row) -> new StoredResult(rs.getString(1), rs.getInt(2), rs.getBoolean(3), rs.getString(4),
						rs.getBoolean(5), this.json.readValue(rs.getString(6), RULE_RESULTS),
						rs.getTimestamp(7).toInstant()),
				serviceKey);
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

	/** A service's stored result by one scorecard version. */
	record StoredResult(String scorecardKey, int version, boolean applicable, String level, boolean ready,
			List<RuleResult> rules, Instant evaluatedAt) {
	}
}
