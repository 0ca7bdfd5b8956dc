package dev.shipshape.waivers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import dev.shipshape.catalog.CatalogNames;
import dev.shipshape.waivers.ExceptionProblems.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exceptions module's public surface: request, grant, decide, revoke and extend exceptions,
 * find them, and tell evaluations which are in force. Every refusal is an
 * {@link ExceptionProblems} exception and leaves the data as it was. Actors are user names.
 */
@Service
@Transactional
public class WaiverManagement {

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.desc("id"));

	private final ExceptionGrantRepository exceptions;

	private final ExceptionTargets targets;

	private final WebhookOutbox outbox;

	private final JdbcClient jdbc;

	private final Validator validator;

	private final ApplicationEventPublisher events;

	private final ExceptionsProperties properties;

	private final ExceptionPolicy policy;

	private final Clock clock;

	WaiverManagement(ExceptionGrantRepository exceptions, ExceptionTargets targets, WebhookOutbox outbox, JdbcClient jdbc,
			Validator validator, ApplicationEventPublisher events, ExceptionsProperties properties, Clock clock) {
		this.exceptions = exceptions;
		this.targets = targets;
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.validator = validator;
		this.events = events;
		this.properties = properties;
		this.policy = ExceptionPolicy.of(properties);
		this.clock = clock;
	}

	/** Asks for an exception; an SRE decides on it. */
	public ExceptionView request(ExceptionTarget target, ExceptionTerms terms, String actor) {
		validate(target, terms);
		Instant now = now();
		ExceptionTarget verified = this.targets.verify(target);
		Instant expiresAt = this.policy.expiryOf(terms, now);
		refuseIfCovered(verified, now, null);
		ExceptionGrant requested = this.exceptions
			.saveAndFlush(ExceptionGrant.request(verified, terms, actor, expiresAt, null, now));
		ExceptionView view = requested.view(now);
		this.outbox.add("exception.requested", view, actor, terms.reason(), now);
		return changed("requested", null, view);
	}

	/** Grants an exception in one step, in force at once. Only for SREs: the caller checks the role. */
	public ExceptionView grant(ExceptionTarget target, ExceptionTerms terms, String actor) {
		validate(target, terms);
		Instant now = now();
		ExceptionTarget verified = this.targets.verify(target);
		Instant expiresAt = this.policy.expiryOf(terms, now);
		refuseIfCovered(verified, now, null);
		ExceptionGrant granted = this.exceptions.saveAndFlush(ExceptionGrant.grant(verified, terms, actor, expiresAt, now));
		return changed("granted", null, approved(granted, actor, "Granted directly", now));
	}

	/** Approves a request, for as long as asked or shorter. Only for SREs: the caller checks the role. */
	public ExceptionView approve(String id, Approval approval, String actor) {
		validate(approval);
		ExceptionGrant exception = lock(id);
		Instant now = now();
		ExceptionView before = exception.view(now);
		exception.approve(actor, approval, this.policy, now);
		this.exceptions.flush();
		return changed("approved", before, approved(exception, actor, exception.view(now).decisionComment(), now));
	}

	/** Rejects a request, saying why. Only for SREs: the caller checks the role. */
	public ExceptionView reject(String id, String comment, String actor) {
		requireText("comment", comment, 2000);
		ExceptionGrant exception = lock(id);
		Instant now = now();
		ExceptionView before = exception.view(now);
		exception.reject(actor, comment.strip(), now);
		this.exceptions.flush();
		ExceptionView view = exception.view(now);
		this.outbox.add("exception.rejected", view, actor, view.decisionComment(), now);
		return changed("rejected", before, view);
	}

	/** Ends an exception in force at once, saying why. Only for SREs: the caller checks the role. */
	public ExceptionView revoke(String id, String reason, String actor) {
		requireText("reason", reason, 2000);
		ExceptionGrant exception = lock(id);
		Instant now = now();
		ExceptionView before = exception.view(now);
		exception.revoke(actor, reason.strip(), now);
		this.exceptions.flush();
		ExceptionView view = exception.view(now);
		this.events.publishEvent(new ExceptionEvents.ExceptionRevoked(view.id(), view.service()));
		this.outbox.add("exception.revoked", view, actor, view.revokeReason(), now);
		return changed("revoked", before, view);
	}

	/**
	 * Asks for more time: a new request for the same rule, service and release, linked to the
	 * approved exception it extends, which stays as it is until the extension is decided.
	 */
	public ExceptionView extend(String id, ExceptionTerms terms, String actor) {
		validate(terms);
		ExceptionGrant extended = lock(id);
		Instant now = now();
		extended.requireExtensible(now);
		ExceptionTarget verified = this.targets.verify(extended.target());
		Instant expiresAt = this.policy.expiryOf(terms, now);
		if (!expiresAt.isAfter(extended.expiresAt())) {
			throw new ExceptionProblems.Invalid((terms.expiresAt() != null) ? "expiresAt" : "duration",
					"an extension must end after " + extended.id() + " does (" + extended.expiresAt() + ")");
		}
		refuseIfCovered(verified, now, extended.numericId());
		ExceptionGrant requested = this.exceptions
			.saveAndFlush(ExceptionGrant.request(verified, terms, actor, expiresAt, extended.numericId(), now));
		ExceptionView view = requested.view(now);
		this.outbox.add("exception.requested", view, actor, terms.reason(), now);
		return changed("requested", null, view);
	}

	@Transactional(readOnly = true)
	public ExceptionView get(String id) {
		return find(id).view(now());
	}

	/** Everything that happened to the exception, oldest first, including its expiry once reached. */
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(String id) {
		ExceptionGrant exception = find(id);
		Instant now = now();
		List<HistoryEntry> history = new ArrayList<>(
				exception.history().stream().map(ExceptionHistoryEvent::entry).toList());
		if (exception.statusAt(now) == ExceptionStatus.EXPIRED) {
			boolean approved = exception.view(now).decidedBy() != null;
			history.add(new HistoryEntry(HistoryEntry.Kind.EXPIRED, null, exception.expiresAt(),
					approved ? "Stopped applying" : "Expired without a decision", exception.expiresAt()));
		}
		history.sort(Comparator.comparing(HistoryEntry::at));
		return history;
	}

	/** The requests that extend this exception, oldest first. */
	@Transactional(readOnly = true)
	public List<ExceptionView> extensionsOf(String id) {
		Instant now = now();
		return this.exceptions.extensionsOf(numericId(id)).stream().map((e) -> e.view(now)).toList();
	}

	@Transactional(readOnly = true)
	public Page<ExceptionView> find(ExceptionQuery query, Pageable pageable) {
		Instant now = now();
		Pageable sorted = pageable.getSort().isSorted() ? pageable
				: PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), NEWEST_FIRST);
		return this.exceptions.findAll(ExceptionSpecifications.matching(query, now), sorted).map((e) -> e.view(now));
	}

	/** Requests waiting for a decision, oldest first: the SRE queue. */
	@Transactional(readOnly = true)
	public Page<ExceptionView> pending(Pageable pageable) {
		Instant now = now();
		return this.exceptions
			.findAll(ExceptionSpecifications.matching(
					new ExceptionQuery(ExceptionStatus.REQUESTED, null, null, null), now),
					PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
							Sort.by(Sort.Order.asc("requestedAt"), Sort.Order.asc("id"))))
			.map((e) -> e.view(now));
	}

	/** The exceptions in force on these services, soonest expiry first. */
	@Transactional(readOnly = true)
	public List<ExceptionView> inForce(Collection<String> serviceNames) {
		if (serviceNames.isEmpty()) {
			return List.of();
		}
		Instant now = now();
		return this.exceptions.inForce(serviceNames.stream().map(CatalogNames::key).distinct().toList(), now)
			.stream()
			.map((e) -> e.view(now))
			.toList();
	}

	/** Exceptions in force that expire within the given number of days, soonest first. */
	@Transactional(readOnly = true)
	public List<ExceptionView> expiringWithin(int days, int limit) {
		Instant now = now();
		return this.exceptions
			.findAll(ExceptionSpecifications.matching(new ExceptionQuery(null, null, null, days), now),
					PageRequest.of(0, limit, Sort.by("expiresAt")))
			.map((e) -> e.view(now))
			.getContent();
	}

	/**
	 * The approved exceptions of these services (lower-case keys) in force at {@code now}: what every
	 * evaluation and gate decision applies. One query, whatever the number of services.
	 */
	@Transactional(readOnly = true)
	public List<LiveException> liveFor(Collection<String> serviceKeys, Instant now) {
		if (serviceKeys.isEmpty()) {
			return List.of();
		}
		// Floor to what PostgreSQL stores, so that an exception is never dropped in the last microsecond before its expiry.
		Timestamp at = Timestamp.from(now.truncatedTo(ChronoUnit.MICROS));
		return this.jdbc.sql("""
				SELECT id, service_key, scorecard_key, rule_key, release_version, expires_at FROM exceptions
				WHERE status = 'APPROVED' AND expires_at > ? AND service_key = ANY (?)""")
			.params(at, serviceKeys.stream().distinct().toArray(String[]::new))
			.query((rs, row) -> new LiveException(ExceptionIds.format(rs.getLong(1)), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** How the webhook's notifications about this exception went. */
	@Transactional(readOnly = true)
	public List<NotificationView> notifications(String id) {
		return this.outbox.of(find(id).numericId());
	}

	/** Notifications that failed lately, newest first: for SREs to see that receivers miss them. */
	@Transactional(readOnly = true)
	public List<NotificationView> failingNotifications(int limit) {
		return this.outbox.troubled(limit);
	}

	/** The configured durations and whether requesters may approve their own requests. */
	public ExceptionsProperties settings() {
		return this.properties;
	}

	private ExceptionView changed(String action, ExceptionView before, ExceptionView after) {
		this.events.publishEvent(new ExceptionEvents.ExceptionChanged(action, before, after));
		return after;
	}

	private ExceptionView approved(ExceptionGrant exception, String actor, String comment, Instant now) {
		ExceptionView view = exception.view(now);
		this.events.publishEvent(new ExceptionEvents.ExceptionApproved(view.id(), view.service()));
		this.outbox.add("exception.approved", view, actor, comment, now);
		return view;
	}

	/**
	 * Refuses a second exception for a rule, service and release that one in force or waiting already
	 * covers. Requests for the same rule of a service wait for each other here, so that two made at
	 * the same moment cannot both pass.
	 */
	private void refuseIfCovered(ExceptionTarget target, Instant now, Long extending) {
		String serviceKey = CatalogNames.key(target.service());
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param("exceptions:" + serviceKey + "/" + target.scorecard() + "/" + target.rule())
			.query()
			.listOfRows();
		this.exceptions
			.covering(serviceKey, target.scorecard(), target.rule(), target.release(), now,
					(extending != null) ? extending : -1L)
			.stream()
			.findFirst()
			.ifPresent((existing) -> {
				ExceptionView view = existing.view(now);
				throw new ExceptionProblems.AlreadyCovered(view.id(), view.status(),
						view.id() + " (" + view.status().name().toLowerCase(java.util.Locale.ROOT) + ", until "
								+ view.expiresAt() + ") already covers rule " + view.rule() + " of " + view.scorecard()
								+ " on " + view.service()
								+ ((view.release() != null) ? " release " + view.release() : " for every release"));
			});
	}

	private ExceptionGrant find(String id) {
		return this.exceptions.findById(numericId(id)).orElseThrow(() -> new ExceptionProblems.NotFound(id));
	}

	private ExceptionGrant lock(String id) {
		return this.exceptions.lockById(numericId(id)).orElseThrow(() -> new ExceptionProblems.NotFound(id));
	}

	private static long numericId(String id) {
		return ExceptionIds.parse(id).orElseThrow(() -> new ExceptionProblems.NotFound(id));
	}

	private void validate(Object... records) {
		List<Violation> violations = new ArrayList<>();
		for (Object record : records) {
			Set<ConstraintViolation<Object>> found = this.validator.validate(record);
			found.stream()
				.map((violation) -> new Violation(violation.getPropertyPath().toString(), violation.getMessage()))
				.sorted(Comparator.comparing(Violation::field))
				.forEach(violations::add);
		}
		if (!violations.isEmpty()) {
			throw new ExceptionProblems.Invalid(violations);
		}
	}

	private static void requireText(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new ExceptionProblems.Invalid(field, "must not be blank");
		}
		if (value.strip().length() > max) {
			throw new ExceptionProblems.Invalid(field, "size must be between 1 and " + max);
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}
}
