package dev.shipshape.waivers;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One recorded step of an exception's life; never changed once written. */
@Entity
@Table(name = "exception_events")
class ExceptionHistoryEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "exception_id")
	private ExceptionGrant exception;

	@Enumerated(EnumType.STRING)
	private HistoryEntry.Kind kind;

	private String actor;

	private Instant occurredAt;

	private String comment;

	private Instant expiresAt;

	protected ExceptionHistoryEvent() {
	}

	ExceptionHistoryEvent(ExceptionGrant exception, HistoryEntry.Kind kind, String actor, Instant occurredAt,
			String comment, Instant expiresAt) {
		this.exception = exception;
		this.kind = kind;
		this.actor = actor;
		this.occurredAt = occurredAt;
		this.comment = comment;
		this.expiresAt = expiresAt;
	}

	HistoryEntry entry() {
		return new HistoryEntry(this.kind, this.actor, this.occurredAt, this.comment, this.expiresAt);
	}
}
