package dev.shipshape.waivers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Webhook notifications waiting to be delivered, written in the same transaction as the change
 * they tell about: a notification exists if and only if the change was committed.
 */
@Component
class WebhookOutbox {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ExceptionsProperties properties;

	private final ApplicationEventPublisher events;

	WebhookOutbox(JdbcClient jdbc, JsonMapper json, ExceptionsProperties properties, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.json = json;
		this.properties = properties;
		this.events = events;
	}

	/** Queues a notification, e.g. {@code exception.approved}; nothing when no webhook is configured. */
	void add(String event, ExceptionView exception, String actor, String comment, Instant now) {
		if (!this.properties.webhook().enabled()) {
			return;
		}
		UUID id = UUID.randomUUID();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id.toString());
		body.put("type", event);
		body.put("occurredAt", now.toString());
		body.put("actor", actor);
		body.put("comment", comment);
		body.put("exception", exception);
		this.jdbc.sql("""
				INSERT INTO exception_notifications (id, exception_id, event, payload, created_at, next_attempt_at)
				VALUES (?, ?, ?, ?::json, ?, ?)""")
			.params(id, ExceptionIds.parse(exception.id()).orElseThrow(), event, this.json.writeValueAsString(body),
					Timestamp.from(now), Timestamp.from(now))
			.update();
		this.events.publishEvent(new NotificationQueued());
	}

	/** Takes the notification due first, locked until the transaction ends; other workers skip it. */
	Optional<Due> takeDue(Instant now) {
		return this.jdbc.sql("""
				SELECT id, event, payload::text, attempts FROM exception_notifications
				WHERE delivered_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= ?
				ORDER BY next_attempt_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
			.param(Timestamp.from(now))
			.query((rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.optional();
	}

	void delivered(UUID id, int status, Instant at) {
		this.jdbc.sql("""
				UPDATE exception_notifications SET attempts = attempts + 1, last_attempt_at = ?, last_status = ?,
				    last_error = NULL, delivered_at = ? WHERE id = ?""")
			.params(Timestamp.from(at), status, Timestamp.from(at), id)
			.update();
	}

	/** Records a failed attempt; {@code retryAt} null means the notification is given up. */
	void failed(UUID id, Integer status, String error, Instant at, Instant retryAt) {
		this.jdbc.sql("""
				UPDATE exception_notifications SET attempts = attempts + 1, last_attempt_at = ?, last_status = ?,
				    last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at), gave_up_at = ? WHERE id = ?""")
			.params(Timestamp.from(at), status, abbreviate(error), (retryAt != null) ? Timestamp.from(retryAt) : null,
					(retryAt == null) ? Timestamp.from(at) : null, id)
			.update();
	}

	List<NotificationView> of(long exceptionId) {
		return this.jdbc.sql(SELECT + " WHERE exception_id = ? ORDER BY created_at, id")
			.param(exceptionId)
			.query(WebhookOutbox::view)
			.list();
	}

	/** Notifications given up on, or failing and still retried, newest first. */
	List<NotificationView> troubled(int limit) {
		return this.jdbc.sql(SELECT + " WHERE delivered_at IS NULL AND last_attempt_at IS NOT NULL"
				+ " ORDER BY last_attempt_at DESC LIMIT ?")
			.param(limit)
			.query(WebhookOutbox::view)
			.list();
	}

	private static final String SELECT = """
			SELECT id, exception_id, event, created_at, attempts, last_attempt_at, last_status, last_error, delivered_at,
			       gave_up_at, next_attempt_at
			FROM exception_notifications""";

	private static NotificationView view(ResultSet rs, int row) throws SQLException {
		return new NotificationView(rs.getString(1), ExceptionIds.format(rs.getLong(2)), rs.getString(3),
				instant(rs.getTimestamp(4)), rs.getInt(5), instant(rs.getTimestamp(6)), (Integer) rs.getObject(7),
				rs.getString(8), instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static String abbreviate(String error) {
		if (error == null) {
			return null;
		}
		return (error.length() <= 1000) ? error : error.substring(0, 997) + "...";
	}

	/** A notification to deliver: the exact body to send and sign, and how often it was tried. */
	record Due(UUID id, String event, String body, int attempts) {
	}

	/** A notification was queued; the delivery worker may start once the transaction commits. */
	record NotificationQueued() {
	}
}
