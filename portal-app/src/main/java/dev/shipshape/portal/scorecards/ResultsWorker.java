package dev.shipshape.portal.scorecards;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
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

	/** Batches of a run evaluated at once: while one waits for the database, another uses the processor. */
	private static final int BATCHES_IN_FLIGHT = Math.max(2, Runtime.getRuntime().availableProcessors());

	/** One thread; at most one more round waits, since a waiting round sees all work committed before it starts. */
	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(1), (runnable) -> new Thread(runnable, "results-worker"),
			new ThreadPoolExecutor.DiscardPolicy());

	private final ExecutorService runBatches = Executors.newFixedThreadPool(BATCHES_IN_FLIGHT,
			new CustomizableThreadFactory("results-run-"));

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

	private final Timer runBatchTimer;

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
		this.runBatchTimer = batchTimer(meters, "run");
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
			List<List<Long>> batches = this.snapshots.idBatches(BATCH);
			this.runs.started(run.id(), batches.stream().mapToInt(List::size).sum());
			Instant started = this.clock.instant();
			Deque<Future<?>> inFlight = new ArrayDeque<>();
			try {
				for (List<Long> ids : batches) {
					if (inFlight.size() == BATCHES_IN_FLIGHT) {
						awaitOldest(inFlight);
						// A fact pushed while the catalog is re-evaluated shows in seconds, not when the run ends.
						recomputeAllStale();
					}
					inFlight.add(this.runBatches.submit(() -> evaluateBatch(run, ids, active, started)));
				}
				while (!inFlight.isEmpty()) {
					awaitOldest(inFlight);
				}
			}
			finally {
				inFlight.forEach(ResultsWorker::awaitQuietly);
			}
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
	private void evaluateBatch(RunView run, List<Long> ids, List<ActiveScorecard> active, Instant started) {
		this.runBatchTimer.record(() -> this.transaction.executeWithoutResult((status) -> {
			List<ServiceSnapshot> batch = this.snapshots.byIds(ids);
			this.results.save(this.evaluations.evaluate(batch, active, started));
			this.runs.progressed(run.id(), ids.size());
		}));
	}

	private static void awaitOldest(Deque<Future<?>> inFlight) {
		try {
			inFlight.removeFirst().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while re-evaluating", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException failure) ? failure
					: new IllegalStateException(ex.getCause());
		}
	}

	/** Lets a batch still in flight after a failure finish before the run is reported. */
	private static void awaitQuietly(Future<?> batch) {
		try {
			batch.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			// The first failure is the one reported.
		}
	}

	/** A run for a version that a newer one replaced has nothing left to do: the newer run covers it. */
	private static boolean superseded(RunView run, List<ActiveScorecard> active) {
		return run.version() != null && active.stream()
			.noneMatch((scorecard) -> scorecard.version() == run.version());
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
		this.runBatches.shutdownNow();
	}

	/** Something committed work for the worker: a stale service or a requested run. */
	record WorkRequested() {
	}
}
