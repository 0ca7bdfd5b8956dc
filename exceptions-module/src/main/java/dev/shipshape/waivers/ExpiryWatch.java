package dev.shipshape.waivers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import dev.shipshape.waivers.ExceptionEvents.ExceptionApproved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the rest of the portal, and the webhook, when exceptions expire or are about to. An
 * exception stops applying at its expiry whether or not this has run, since every evaluation reads
 * the clock; what this does is have stored results recomputed and receivers told. It wakes up at
 * the next expiry, and polls in case it missed one (a restart, another instance's approval).
 * Instances share the work: rows are claimed with {@code SKIP LOCKED} and marked once handled.
 */
@Component
class ExpiryWatch {

	private static final Logger logger = LoggerFactory.getLogger(ExpiryWatch.class);

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final ExceptionGrantRepository exceptions;

	private final WebhookOutbox outbox;

	private final ApplicationEventPublisher events;

	private final ExceptionsProperties properties;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final ObjectProvider<TaskScheduler> scheduler;

	private ScheduledFuture<?> wakeUp;

	private Instant wakeUpAt;

	ExpiryWatch(JdbcClient jdbc, ExceptionGrantRepository exceptions, WebhookOutbox outbox,
			ApplicationEventPublisher events, ExceptionsProperties properties, Clock clock,
			PlatformTransactionManager transactions, ObjectProvider<TaskScheduler> scheduler) {
		this.jdbc = jdbc;
		this.exceptions = exceptions;
		this.outbox = outbox;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.scheduler = scheduler;
	}

	@Scheduled(fixedDelayString = "${shipshape.exceptions.expiry-check-interval:PT30S}")
	void check() {
		try {
			while (Boolean.TRUE.equals(this.transaction.execute((status) -> handleExpired(this.clock.instant())))) {
				// next batch
			}
			this.transaction.executeWithoutResult((status) -> noticeExpiring(this.clock.instant()));
			scheduleNextExpiry();
		}
		catch (RuntimeException ex) {
			logger.warn("Handling expired exceptions failed; they are handled on the next check", ex);
		}
	}

	/** An approval may expire before the next poll: wake up in time for it. */
	@TransactionalEventListener(fallbackExecution = true)
	void onApproved(ExceptionApproved approved) {
		scheduleNextExpiry();
	}

	/** Marks one batch of exceptions that reached their expiry as handled; true when there may be more. */
	private boolean handleExpired(Instant now) {
		List<Long> expired = this.jdbc.sql("""
				UPDATE exceptions SET expiry_handled = true WHERE id IN (
				    SELECT id FROM exceptions
				    WHERE status IN ('REQUESTED', 'APPROVED') AND NOT expiry_handled AND expires_at <= ?
				    ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED)
				RETURNING id""")
			.params(Timestamp.from(now), BATCH)
			.query(Long.class)
			.list();
		for (ExceptionGrant exception : this.exceptions.findAllById(expired)) {
			ExceptionView view = exception.view(now);
			if (view.decidedBy() != null) {
				this.events.publishEvent(new ExceptionEvents.ExceptionExpired(view.id(), view.service()));
			}
			this.outbox.add("exception.expired", view, null, null, now);
			this.events.publishEvent(new ExceptionEvents.ExceptionChanged("expired", null, view));
		}
		return expired.size() == BATCH;
	}

	private void noticeExpiring(Instant now) {
		List<Long> expiring = this.jdbc.sql("""
				UPDATE exceptions SET expiring_notified = true WHERE id IN (
				    SELECT id FROM exceptions
				    WHERE status = 'APPROVED' AND NOT expiring_notified AND expires_at > ? AND expires_at <= ?
				    FOR UPDATE SKIP LOCKED)
				RETURNING id""")
			.params(Timestamp.from(now), Timestamp.from(now.plus(this.properties.expiringNotice())))
			.query(Long.class)
			.list();
		for (ExceptionGrant exception : this.exceptions.findAllById(expiring)) {
			this.outbox.add("exception.expiring", exception.view(now), null, null, now);
		}
	}

	private void scheduleNextExpiry() {
		TaskScheduler tasks = this.scheduler.getIfAvailable();
		if (tasks == null) {
			return;
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				SELECT expires_at FROM exceptions
				WHERE status = 'APPROVED' AND NOT expiry_handled AND expires_at > ?
				ORDER BY expires_at LIMIT 1""")
			.param(Timestamp.from(now))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.filter((next) -> next.isBefore(now.plus(this.properties.expiryCheckInterval())))
			.ifPresent((next) -> wakeUpAt(tasks, next));
	}

	private synchronized void wakeUpAt(TaskScheduler tasks, Instant at) {
		if (this.wakeUp != null && !this.wakeUp.isDone() && !this.wakeUpAt.isAfter(at)) {
			return;
		}
		if (this.wakeUp != null) {
			this.wakeUp.cancel(false);
		}
		this.wakeUpAt = at;
		this.wakeUp = tasks.schedule(this::check, at);
	}
}
