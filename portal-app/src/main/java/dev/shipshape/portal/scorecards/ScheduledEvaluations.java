package dev.shipshape.portal.scorecards;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The safety net under event-driven recomputation, and the daily level counts for the trend chart.
 * Each runs on one instance at a time.
 */
@Component
class ScheduledEvaluations {

	private final EvaluationRuns runs;

	private final ActiveScorecards scorecards;

	private final LevelSnapshots snapshots;

	ScheduledEvaluations(EvaluationRuns runs, ActiveScorecards scorecards, LevelSnapshots snapshots) {
		this.runs = runs;
		this.scorecards = scorecards;
		this.snapshots = snapshots;
	}

	/** Re-evaluates the whole catalog now and then, in case some change was missed. */
	@Scheduled(cron = "${shipshape.results.safety-net-cron:0 17 * * * *}")
	@SchedulerLock(name = "results-safety-net")
	@Transactional
	void safetyNet() {
		if (!this.runs.anyPending()) {
			this.runs.request(null, null, "scheduled safety-net re-evaluation");
		}
	}

	/** Records the day's level counts even on days when no run finishes. */
	@Scheduled(cron = "${shipshape.results.snapshot-cron:0 55 23 * * *}", zone = "UTC")
	@SchedulerLock(name = "level-snapshots")
	@Transactional
	void dailySnapshot() {
		this.snapshots.recordToday(this.scorecards.current());
	}
}
