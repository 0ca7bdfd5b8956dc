package dev.shipshape.portal.scorecards;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Background re-evaluations of the whole catalog, with visible progress. A run is requested in the
 * transaction that makes it necessary (a publish, a revert, the safety net) and taken by whichever
 * instance's worker gets to it first.
 */
@Component
public class EvaluationRuns {

	/** A run started this long ago and never finished belonged to an instance that died. */
	private static final Duration ABANDONED_AFTER = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	EvaluationRuns(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** Requests a run; {@code scorecardId} null means every active scorecard. */
	public void request(Long scorecardId, Integer version, String reason) {
		this.jdbc.sql("INSERT INTO evaluation_runs (scorecard_id, version_number, reason, requested_at) VALUES (?, ?, ?, ?)")
			.params(scorecardId, version, reason, Timestamp.from(this.clock.instant()))
			.update();
		this.events.publishEvent(new ResultsWorker.WorkRequested());
	}

	public boolean anyPending() {
		return this.jdbc.sql("SELECT count(*) FROM evaluation_runs WHERE finished_at IS NULL").query(Long.class).single() > 0;
	}

	public Optional<RunView> latest(long scorecardId) {
		return this.jdbc.sql(SELECT + " WHERE scorecard_id = ? OR scorecard_id IS NULL ORDER BY requested_at DESC, id DESC LIMIT 1")
			.param(scorecardId)
			.query(EvaluationRuns::view)
			.optional();
	}

	/** Takes the oldest run nobody works on, or one abandoned by a dead instance. */
	Optional<RunView> claim() {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				UPDATE evaluation_runs SET started_at = ?, done = 0, failure = NULL WHERE id = (
				    SELECT id FROM evaluation_runs
				    WHERE finished_at IS NULL AND (started_at IS NULL OR started_at < ?)
				    ORDER BY requested_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
				RETURNING id, scorecard_id, version_number, reason, total, done, requested_at, started_at, finished_at, failure""")
			.params(Timestamp.from(now), Timestamp.from(now.minus(ABANDONED_AFTER)))
			.query(EvaluationRuns::view)
			.optional();
	}

	void started(long runId, long total) {
		this.jdbc.sql("UPDATE evaluation_runs SET total = ? WHERE id = ?").params(total, runId).update();
	}

	void progressed(long runId, int services) {
		this.jdbc.sql("UPDATE evaluation_runs SET done = done + ? WHERE id = ?").params(services, runId).update();
	}

	void finished(long runId, String failure) {
		this.jdbc.sql("UPDATE evaluation_runs SET finished_at = ?, failure = ? WHERE id = ?")
			.params(Timestamp.from(this.clock.instant()), failure, runId)
			.update();
	}

	private static final String SELECT = """
			SELECT id, scorecard_id, version_number, reason, total, done, requested_at, started_at, finished_at, failure
			FROM evaluation_runs""";

	private static RunView view(ResultSet rs, int row) throws SQLException {
		return new RunView(rs.getLong(1), (Long) rs.getObject(2), (Integer) rs.getObject(3), rs.getString(4),
				rs.getInt(5), rs.getInt(6), instant(rs, 7), instant(rs, 8), instant(rs, 9), rs.getString(10));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** A run and how far it got. */
	public record RunView(long id, Long scorecardId, Integer version, String reason, int total, int done,
			Instant requestedAt, Instant startedAt, Instant finishedAt, String failure) {

		public boolean finished() {
			return this.finishedAt != null;
		}

		public int percent() {
			return (this.total == 0) ? (finished() ? 100 : 0) : Math.min(100, this.done * 100 / this.total);
		}
	}
}
