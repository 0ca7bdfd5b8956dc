package dev.shipshape.portal.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the audit trail. A change is recorded in the transaction that makes it, so that both are
 * committed or neither: {@link #record} refuses to run without one, which makes a change that
 * forgot its transaction fail loudly instead of being recorded apart from it. Events are collected
 * and written in one batch just before the commit, so that an import of thousands of entries costs
 * one round trip. The actor, request id and client address come from the request being served;
 * without one the actor is {@code system}.
 */
@Component
public class AuditTrail {

	private static final String INSERT = """
			INSERT INTO audit_events (occurred_at, actor, actor_kind, token_id, action, object_type, object_id,
			                          before, after, request_id, client_address, summary)
			VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?)""";

	private static final int SUMMARY_LENGTH = 500;

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final Clock clock;

	AuditTrail(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** Records a change made in the current transaction, by whoever is signed in. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditChange change) {
		pending().rows.add(row(RequestContext.actor(), change, RequestContext.clientAddress()));
	}

	/**
	 * Records something that was refused and changed nothing else (a failed sign-in, a denied
	 * request), in a transaction of its own.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordRefusal(Actor actor, AuditChange change, String clientAddress) {
		this.jdbc.update(INSERT, row(actor, change, (clientAddress != null) ? clientAddress : RequestContext.clientAddress()));
	}

	/** The events of the current transaction; found among its synchronizations, which a new transaction suspends. */
	private Pending pending() {
		return TransactionSynchronizationManager.getSynchronizations()
			.stream()
			.filter(Pending.class::isInstance)
			.map(Pending.class::cast)
			.findFirst()
			.orElseGet(() -> {
				Pending pending = new Pending();
				TransactionSynchronizationManager.registerSynchronization(pending);
				return pending;
			});
	}

	private Object[] row(Actor actor, AuditChange change, String clientAddress) {
		return new Object[] { Timestamp.from(this.clock.instant()), truncate(actor.name(), 200), actor.kind().name(),
				actor.tokenId(), change.action(), change.objectType(), truncate(change.objectId(), 200),
				json(change.before()), json(change.after()), truncate(RequestContext.requestId(), 64),
				truncate(clientAddress, 64), truncate(change.summary(), SUMMARY_LENGTH) };
	}

	private String json(Object value) {
		return (value != null) ? this.json.writeValueAsString(value) : null;
	}

	private static String truncate(String value, int length) {
		return (value != null && value.length() > length) ? value.substring(0, length - 1) + "…" : value;
	}

	/** The events of one transaction, written together just before it commits. */
	private final class Pending implements TransactionSynchronization {

		private final List<Object[]> rows = new ArrayList<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			AuditTrail.this.jdbc.batchUpdate(INSERT, this.rows);
		}
	}
}
