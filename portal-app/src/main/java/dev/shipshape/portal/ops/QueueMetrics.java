package dev.shipshape.portal.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How much work waits in the database's queues: services whose results are stale, evaluation runs
 * not yet finished, and webhook notifications not yet delivered or given up on; and how many
 * webhook deliveries have failed. The queues are shared by every instance, so every instance
 * reports the same figures: aggregate them with {@code max}, not {@code sum}. They are read on a
 * schedule and not on every scrape, so that a scrape during a database outage answers at once;
 * while the database cannot be read the gauges say NaN.
 */
@Component
class QueueMetrics implements MeterBinder {

	private static final Logger logger = LoggerFactory.getLogger(QueueMetrics.class);

	private final JdbcClient jdbc;

	private volatile Depths depths = Depths.UNKNOWN;

	/** Kept through an outage: a counter must never go back, not even to NaN. */
	private volatile double webhookFailures;

	QueueMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("shipshape.results.stale", this, (metrics) -> metrics.depths.staleResults())
			.description("Services whose stored scorecard results wait to be recomputed")
			.register(registry);
		Gauge.builder("shipshape.evaluation.runs.pending", this, (metrics) -> metrics.depths.pendingRuns())
			.description("Re-evaluation runs of the whole catalog requested or running, not yet finished")
			.register(registry);
		Gauge.builder("shipshape.webhook.outbox", this, (metrics) -> metrics.depths.outboxPending())
			.description("Webhook notifications waiting for their first or next delivery attempt")
			.tag("state", "pending")
			.register(registry);
		Gauge.builder("shipshape.webhook.outbox", this, (metrics) -> metrics.depths.outboxFailed())
			.description("Webhook notifications given up on after their last attempt")
			.tag("state", "failed")
			.register(registry);
		FunctionCounter.builder("shipshape.webhook.failures", this, (metrics) -> metrics.webhookFailures)
			.description("Webhook delivery attempts that failed (no answer or not 2xx), by every instance")
			.register(registry);
	}

	@Scheduled(fixedDelayString = "${shipshape.ops.queue-refresh:15s}")
	void refresh() {
		try {
			Depths read = this.jdbc.sql("""
					SELECT (SELECT count(*) FROM stale_results),
					       (SELECT count(*) FROM evaluation_runs WHERE finished_at IS NULL),
					       count(*) FILTER (WHERE delivered_at IS NULL AND gave_up_at IS NULL),
					       count(*) FILTER (WHERE gave_up_at IS NOT NULL),
					       coalesce(sum(attempts), 0) - count(delivered_at)
					FROM exception_notifications""")
				.query((rs, row) -> new Depths(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
				.single();
			this.depths = read;
			this.webhookFailures = Math.max(this.webhookFailures, read.failedAttempts());
		}
		catch (DataAccessException ex) {
			logger.debug("Could not read the queue depths", ex);
			this.depths = Depths.UNKNOWN;
		}
	}

	/** The queue depths last read; NaN when they could not be read. */
	record Depths(double staleResults, double pendingRuns, double outboxPending, double outboxFailed,
			double failedAttempts) {

		static final Depths UNKNOWN = new Depths(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
	}
}
