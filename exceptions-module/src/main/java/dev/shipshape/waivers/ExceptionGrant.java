package dev.shipshape.waivers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.shipshape.catalog.CatalogNames;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An exception of one rule on one service, from its request to its end. Its state changes only
 * through the methods below, which refuse what the rules forbid and record every step in the
 * history. Whether it has expired is read from the clock, never stored.
 */
@Entity
@Table(name = "exceptions")
class ExceptionGrant {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String serviceName;

	private String serviceKey;

	private String scorecardKey;

	private String ruleKey;

	private String releaseVersion;

	private String reason;

	private String riskAssessment;

	private String followUp;

	@Enumerated(EnumType.STRING)
	private ExceptionStatus status;

	private String requestedBy;

	private Instant requestedAt;

	private Instant expiresAt;

	private String decidedBy;

	private Instant decidedAt;

	private String decisionComment;

	private String revokedBy;

	private Instant revokedAt;

	private String revokeReason;

	@Column(name = "extends_id")
	private Long extendsId;

	@Version
	private long version;

	@OneToMany(mappedBy = "exception", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
	@OrderBy("occurredAt, id")
	private List<ExceptionHistoryEvent> history = new ArrayList<>();

	protected ExceptionGrant() {
	}

	private ExceptionGrant(ExceptionTarget target, ExceptionTerms terms, String by, Instant now, Instant expiresAt,
			Long extendsId) {
		if (!expiresAt.isAfter(now)) {
			throw new IllegalArgumentException("An exception must end after it starts");
		}
		this.serviceName = target.service();
		this.serviceKey = CatalogNames.key(target.service());
		this.scorecardKey = target.scorecard();
		this.ruleKey = target.rule();
		this.releaseVersion = target.release();
		this.reason = terms.reason();
		this.riskAssessment = terms.riskAssessment();
		this.followUp = terms.followUp();
		this.status = ExceptionStatus.REQUESTED;
		this.requestedBy = by;
		this.requestedAt = now;
		this.expiresAt = expiresAt;
		this.extendsId = extendsId;
	}

	/** A request waiting for an SRE; {@code extendsId} links an extension to the exception it extends. */
	static ExceptionGrant request(ExceptionTarget target, ExceptionTerms terms, String by, Instant expiresAt,
			Long extendsId, Instant now) {
		ExceptionGrant requested = new ExceptionGrant(target, terms, by, now, expiresAt, extendsId);
		requested.record(HistoryEntry.Kind.REQUESTED, by, now, terms.reason(), expiresAt);
		return requested;
	}

	/** Granted by an SRE in one step: requested and approved by the same person at once. */
	static ExceptionGrant grant(ExceptionTarget target, ExceptionTerms terms, String by, Instant expiresAt, Instant now) {
		ExceptionGrant granted = new ExceptionGrant(target, terms, by, now, expiresAt, null);
		granted.status = ExceptionStatus.APPROVED;
		granted.decidedBy = by;
		granted.decidedAt = now;
		granted.decisionComment = "Granted directly";
		granted.record(HistoryEntry.Kind.GRANTED, by, now, terms.reason(), expiresAt);
		return granted;
	}

	/** Approves the request from now until the expiry asked for, or an earlier one when the SRE shortens it. */
	void approve(String by, Approval approval, ExceptionPolicy policy, Instant now) {
		requireUndecided("approve", now);
		if (!policy.allowsSelfApproval() && this.requestedBy.equalsIgnoreCase(by)) {
			throw new ExceptionProblems.SelfApproval(id() + " was requested by " + this.requestedBy
					+ "; another SRE must decide on it");
		}
		Instant until = policy.expiryOf(approval, this.expiresAt, now);
		this.status = ExceptionStatus.APPROVED;
		this.decidedBy = by;
		this.decidedAt = now;
		this.decisionComment = blankToNull(approval.comment());
		this.expiresAt = until;
		record(HistoryEntry.Kind.APPROVED, by, now, this.decisionComment, until);
	}

	void reject(String by, String comment, Instant now) {
		requireUndecided("reject", now);
		this.status = ExceptionStatus.REJECTED;
		this.decidedBy = by;
		this.decidedAt = now;
		this.decisionComment = comment;
		record(HistoryEntry.Kind.REJECTED, by, now, comment, null);
	}

	/** Ends an exception in force, at once. */
	void revoke(String by, String reason, Instant now) {
		ExceptionStatus current = statusAt(now);
		if (current != ExceptionStatus.APPROVED) {
			throw conflict("revoke", current);
		}
		this.status = ExceptionStatus.REVOKED;
		this.revokedBy = by;
		this.revokedAt = now;
		this.revokeReason = reason;
		record(HistoryEntry.Kind.REVOKED, by, now, reason, null);
	}

	/** Only an approved exception, in force or expired, can be extended: by a new request linked to it. */
	void requireExtensible(Instant now) {
		ExceptionStatus current = statusAt(now);
		if (this.status != ExceptionStatus.APPROVED) {
			throw conflict("extend", current);
		}
	}

	ExceptionStatus statusAt(Instant now) {
		return ExceptionStatus.effective(this.status, this.expiresAt, now);
	}

	boolean isLiveAt(Instant now) {
		return this.status == ExceptionStatus.APPROVED && now.isBefore(this.expiresAt);
	}

	ExceptionTarget target() {
		return new ExceptionTarget(this.serviceName, this.scorecardKey, this.ruleKey, this.releaseVersion);
	}

	String id() {
		return (this.id != null) ? ExceptionIds.format(this.id) : "the request";
	}

	Long numericId() {
		return this.id;
	}

	String serviceName() {
		return this.serviceName;
	}

	String requestedBy() {
		return this.requestedBy;
	}

	Instant expiresAt() {
		return this.expiresAt;
	}

	List<ExceptionHistoryEvent> history() {
		return List.copyOf(this.history);
	}

	ExceptionView view(Instant now) {
		return new ExceptionView(id(), this.serviceName, this.scorecardKey, this.ruleKey, this.releaseVersion,
				statusAt(now), isLiveAt(now), this.reason, this.riskAssessment, this.followUp, this.requestedBy,
				this.requestedAt, this.expiresAt, this.decidedBy, this.decidedAt, this.decisionComment, this.revokedBy,
				this.revokedAt, this.revokeReason, (this.extendsId != null) ? ExceptionIds.format(this.extendsId) : null);
	}

	private void requireUndecided(String action, Instant now) {
		ExceptionStatus current = statusAt(now);
		if (current != ExceptionStatus.REQUESTED) {
			throw conflict(action, current);
		}
	}

	/** Says what happened to the exception, so that the one who lost a race knows who won it. */
	private ExceptionProblems.StateConflict conflict(String action, ExceptionStatus current) {
		String what = switch (current) {
			case REQUESTED -> "is still waiting for a decision";
			case APPROVED -> "was already approved by " + this.decidedBy + " at " + this.decidedAt;
			case REJECTED -> "was already rejected by " + this.decidedBy + " at " + this.decidedAt;
			case REVOKED -> "was revoked by " + this.revokedBy + " at " + this.revokedAt;
			case EXPIRED -> ((this.status == ExceptionStatus.REQUESTED) ? "expired without a decision at "
					: "expired at ") + this.expiresAt;
		};
		String by = switch (current) {
			case APPROVED, REJECTED -> this.decidedBy;
			case REVOKED -> this.revokedBy;
			default -> null;
		};
		Instant at = switch (current) {
			case APPROVED, REJECTED -> this.decidedAt;
			case REVOKED -> this.revokedAt;
			case EXPIRED -> this.expiresAt;
			default -> null;
		};
		return new ExceptionProblems.StateConflict(id(), current, by, at, "Cannot " + action + " " + id() + ": it " + what);
	}

	private void record(HistoryEntry.Kind kind, String actor, Instant at, String comment, Instant expiry) {
		this.history.add(new ExceptionHistoryEvent(this, kind, actor, at, comment, expiry));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}
}
