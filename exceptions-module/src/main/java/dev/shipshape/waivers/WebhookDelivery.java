package dev.shipshape.waivers;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.shipshape.waivers.WebhookOutbox.Due;
import dev.shipshape.waivers.WebhookOutbox.NotificationQueued;
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
 * Delivers queued notifications to the webhook: signed, with retries and exponential backoff, and
 * never again once the receiver acknowledged one with a 2xx. A notification is sent while its row
 * is locked, so that several instances never send the same one at the same time; the event id
 * header lets a receiver drop the rare duplicate (an acknowledgement lost before it was recorded).
 * Runs apart from decisions: a slow or failing receiver never holds one up.
 */
@Component
class WebhookDelivery implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(WebhookDelivery.class);

	/** Notifications sent per round at most, so that a round always ends. */
	private static final int ROUND = 100;

	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(1), (runnable) -> new Thread(runnable, "exception-webhook"),
			new ThreadPoolExecutor.DiscardPolicy());

	private final WebhookOutbox outbox;

	private final ExceptionsProperties.Webhook webhook;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final HttpClient http;

	WebhookDelivery(WebhookOutbox outbox, ExceptionsProperties properties, Clock clock,
			PlatformTransactionManager transactions) {
		this.outbox = outbox;
		this.webhook = properties.webhook();
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.http = HttpClient.newBuilder()
			.connectTimeout(this.webhook.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void onQueued(NotificationQueued queued) {
		this.executor.execute(this::deliverDue);
	}

	/** Sends what is due; also called by the poll so that retries and other instances' work are never forgotten. */
	@Scheduled(fixedDelayString = "${shipshape.exceptions.webhook.poll-interval:PT5S}")
	void deliverDue() {
		if (!this.webhook.enabled()) {
			return;
		}
		try {
			for (int sent = 0; sent < ROUND && deliverNext(); sent++) {
				// next notification
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Delivering exception notifications failed; they stay queued and are retried", ex);
		}
	}

	private boolean deliverNext() {
		return Boolean.TRUE.equals(this.transaction.execute((status) -> this.outbox.takeDue(this.clock.instant())
			.map((due) -> {
				deliver(due);
				return true;
			})
			.orElse(false)));
	}

	private void deliver(Due due) {
		byte[] body = due.body().getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(this.webhook.url())
			.timeout(this.webhook.timeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Shipshape-Webhook")
			.header("X-Shipshape-Event", due.event())
			.header("X-Shipshape-Event-Id", due.id().toString())
			.header(WebhookSignature.HEADER, WebhookSignature.sign(this.webhook.secret(), body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			Instant at = this.clock.instant();
			if (response.statusCode() / 100 == 2) {
				this.outbox.delivered(due.id(), response.statusCode(), at);
			}
			else {
				failed(due, response.statusCode(), "HTTP " + response.statusCode() + ": " + firstLine(response.body()), at);
			}
		}
		catch (IOException ex) {
			failed(due, null, ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""),
					this.clock.instant());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while delivering a notification", ex);
		}
	}

	private void failed(Due due, Integer status, String error, Instant at) {
		int attempts = due.attempts() + 1;
		Instant retryAt = (attempts >= this.webhook.maxAttempts()) ? null : at.plus(backoff(attempts));
		if (retryAt == null) {
			logger.warn("Gave up delivering notification {} ({}) after {} attempts: {}", due.id(), due.event(), attempts,
					error);
		}
		this.outbox.failed(due.id(), status, error, at, retryAt);
	}

	/** The wait after the n-th failed attempt: the first retry delay, doubled each time, at most the longest. */
	Duration backoff(int failedAttempts) {
		Duration wait = this.webhook.firstRetry();
		for (int i = 1; i < failedAttempts && wait.compareTo(this.webhook.longestRetry()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.webhook.longestRetry()) > 0) ? this.webhook.longestRetry() : wait;
	}

	private static String firstLine(String body) {
		if (body == null || body.isBlank()) {
			return "(no body)";
		}
		String line = body.strip().lines().findFirst().orElse("");
		return (line.length() <= 200) ? line : line.substring(0, 200) + "...";
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}
}
