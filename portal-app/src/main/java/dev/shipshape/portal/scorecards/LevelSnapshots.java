package dev.shipshape.portal.scorecards;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.shipshape.portal.scorecards.ActiveScorecards.ActiveScorecard;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many services stand at each level, once per day and scorecard, for the trend chart. The day's
 * row is refreshed whenever a run finishes and by the daily job.
 */
@Component
public class LevelSnapshots {

	/** The level of services below the first level. */
	public static final String NO_LEVEL = "-";

	private final JdbcClient jdbc;

	private final Clock clock;

	LevelSnapshots(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void recordToday(List<ActiveScorecard> scorecards) {
		Date today = Date.valueOf(LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC));
		if (scorecards.isEmpty()) {
			return;
		}
		List<Long> ids = scorecards.stream().map(ActiveScorecard::scorecardId).toList();
		// One count of the results; two instances may record the same day at once: replace, never insert twice.
		this.jdbc.sql("""
				WITH counts AS (
				    SELECT scorecard_id, coalesce(level, '-') AS level, count(*) AS services FROM scorecard_results
				    WHERE scorecard_id IN (:ids) AND applicable GROUP BY 1, 2),
				gone AS (
				    DELETE FROM level_snapshots s WHERE s.day = :day AND s.scorecard_id IN (:ids) AND NOT EXISTS (
				        SELECT 1 FROM counts c WHERE c.scorecard_id = s.scorecard_id AND c.level = s.level))
				INSERT INTO level_snapshots (day, scorecard_id, level, services)
				SELECT :day, scorecard_id, level, services FROM counts
				ON CONFLICT (day, scorecard_id, level) DO UPDATE SET services = excluded.services""")
			.param("ids", ids)
			.param("day", today)
			.update();
	}

	/** Counts per day and level of one scorecard, oldest first. */
	public List<DayCount> trend(long scorecardId, int days) {
		Date since = Date.valueOf(LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).minusDays(days));
		return this.jdbc.sql("""
				SELECT day, level, services FROM level_snapshots WHERE scorecard_id = ? AND day > ? ORDER BY day, level""")
			.params(scorecardId, since)
			.query((rs, row) -> new DayCount(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getInt(3)))
			.list();
	}

	public record DayCount(LocalDate day, String level, int services) {
	}
}
