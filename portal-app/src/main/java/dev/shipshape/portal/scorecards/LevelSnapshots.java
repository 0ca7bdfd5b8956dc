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
		for (ActiveScorecard scorecard : scorecards) {
			// Two instances may record the same day at once: replace rather than insert twice.
			this.jdbc.sql("""
					DELETE FROM level_snapshots s WHERE s.day = ? AND s.scorecard_id = ? AND NOT EXISTS (
					    SELECT 1 FROM scorecard_results r WHERE r.scorecard_id = s.scorecard_id AND r.applicable
					    AND coalesce(r.level, '-') = s.level)""")
				.params(today, scorecard.scorecardId())
				.update();
			this.jdbc.sql("""
					INSERT INTO level_snapshots (day, scorecard_id, level, services)
					SELECT ?, scorecard_id, coalesce(level, '-'), count(*) FROM scorecard_results
					WHERE scorecard_id = ? AND applicable GROUP BY scorecard_id, 3
					ON CONFLICT (day, scorecard_id, level) DO UPDATE SET services = excluded.services""")
				.params(today, scorecard.scorecardId())
				.update();
		}
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
