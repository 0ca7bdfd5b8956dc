package dev.shipshape.portal.scorecards;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.shipshape.catalog.ServiceSnapshot;
import dev.shipshape.catalog.ServiceSnapshots;
import dev.shipshape.portal.scorecards.ActiveScorecards.ActiveScorecard;
import dev.shipshape.portal.scorecards.EvaluationRuns.RunView;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps stored results up to date: recomputes services marked stale (a fact push, a catalog edit)
 * and carries out requested re-evaluation runs. It is woken right after the commit that made work,
 * and polls as well, so that work left by another instance is never forgotten. Several instances
 * may run it at once: rows are taken with {@code SKIP LOCKED}.
 */
@Component
class ResultsWorker implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ResultsWorker.class);

	private static final int BATCH = 500;

	/** One thread; at most one more round waits, since a waiting round sees all work committed before it starts. */
	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(1), (runnable) -> new Thread(runnable, "results-worker"),
			new ThreadPoolExecutor.DiscardPolicy());

	private final ResultStore results;

	private final EvaluationRuns runs;

	private final ActiveScorecards scorecards;

	private final ServiceSnapshots snapshots;

	private final ServiceEvaluations evaluations;

	private final LevelSnapshots levelSnapshots;

	private final TransactionTemplate transaction;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Timer staleBatches;

	private final Timer runBatches;

	ResultsWorker(ResultStore results, EvaluationRuns runs, ActiveScorecards scorecards, ServiceSnapshots snapshots,
			ServiceEvaluations evaluations, LevelSnapshots levelSnapshots, PlatformTransactionManager transactions,
			MeterRegistry meters, Clock clock) {
		this.results = results;
		this.runs = runs;
		this.scorecards = scorecards;
		this.snapshots = snapshots;
		this.evaluations = evaluations;
		this.levelSnapshots = levelSnapshots;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.meters = meters;
		this.clock = clock;
		this.staleBatches = batchTimer(meters, "stale");
		this.runBatches = batchTimer(meters, "run");
	}

	private static Timer batchTimer(MeterRegistry meters, String work) {
		return Timer.builder("shipshape.results.batch")
			.description("Time to evaluate and store one batch of services' results, including its commit")
			.tag("work", work)
			.register(meters);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void onWorkRequested(WorkRequested request) {
		wake();
	}

	@Scheduled(fixedDelayString = "${shipshape.results.poll-interval:PT5S}")
	void wake() {
		this.executor.execute(this::work);
	}

	private void work() {
		try {
			recomputeAllStale();
			while (carryOutRun()) {
				// next run
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Recomputing results failed; the work stays queued and is retried", ex);
		}
	}

	private void recomputeAllStale() {
		while (recomputeStale()) {
			// next batch
		}
	}

	/** Recomputes one batch of stale services in one transaction; a failure puts them back. */
	private boolean recomputeStale() {
		Timer.Sample sample = Timer.start(this.meters);
		Boolean found = this.transaction.execute((status) -> {
			List<String> keys = this.results.takeStale(BATCH);
			if (keys.isEmpty()) {
				return false;
			}
			Instant now = this.clock.instant();
			List<ActiveScorecard> active = this.scorecards.current();
			this.results.save(this.evaluations.evaluate(this.snapshots.find(keys), active, now));
			return true;
		});
		if (Boolean.TRUE.equals(found)) {
			// Empty polls are not timed: they would drown the batches that did work.
			sample.stop(this.staleBatches);
			return true;
		}
		return false;
	}

	private boolean carryOutRun() {
		RunView run = this.transaction.execute((status) -> this.runs.claim().orElse(null));
		if (run == null) {
			return false;
		}
		try {
			List<ActiveScorecard> active = this.scorecards.current()
				.stream()
				.filter((scorecard) -> run.scorecardId() == null || scorecard.scorecardId() == run.scorecardId())
				.toList();
			if (superseded(run, active)) {
				this.runs.finished(run.id(), null);
				return true;
			}
			this.runs.started(run.id(), this.snapshots.count());
			Instant started = this.clock.instant();
			this.snapshots.forEachBatch(BATCH, (batch) -> {
				evaluateBatch(run, batch, active, started);
				// A fact pushed while the catalog is re-evaluated shows in seconds, not when the run ends.
				recomputeAllStale();
			});
			this.transaction.executeWithoutResult((status) -> this.levelSnapshots.recordToday(active));
			this.runs.finished(run.id(), null);
		}
		catch (RuntimeException ex) {
			logger.warn("Re-evaluation run {} failed", run.id(), ex);
			this.runs.finished(run.id(), ex.getMessage());
		}
		return true;
	}

	/** A run stamps its results with its start, before it read any service. */
	private void evaluateBatch(RunView run, List<ServiceSnapshot> batch, List<ActiveScorecard> active, Instant started) {
		this.runBatches.record(() -> this.transaction.executeWithoutResult((status) -> {
			this.results.save(this.evaluations.evaluate(batch, active, started));
			this.runs.progressed(run.id(), batch.size());
		}));
	}

	/** A run for a version that a newer one replaced has nothing left to do: the newer run covers it. */
	private static boolean superseded(RunView run, List<ActiveScorecard> active) {
		return run.version() != null && active.stream()
			.noneMatch((scorecard) -> scorecard.version() == run.version());
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	/** Something committed work for the worker: a stale service or a requested run. */
	record WorkRequested() {
	}
}
