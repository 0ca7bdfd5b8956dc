package dev.shipshape.portal.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account name and per client address in PostgreSQL, so that a lock
 * holds across instances, and records every refused sign-in in {@code sign_in_failures}.
 */
@Component
@EnableConfigurationProperties(SignInProperties.class)
class SignInThrottle {

	private static final String ACCOUNT = "ACCOUNT";

	private static final String CLIENT = "CLIENT";

	private final JdbcClient jdbc;

	private final SignInProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, SignInProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/** Where this account name and client address stand before their password is checked. */
	Status check(String username, String clientAddress) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				SELECT coalesce(bool_or(subject_kind = 'ACCOUNT'), false) AS account_streak,
				       max(locked_until) FILTER (WHERE locked_until > :now) AS locked_until
				FROM sign_in_throttles
				WHERE (subject_kind = 'ACCOUNT' AND subject = :account) OR (subject_kind = 'CLIENT' AND subject = :client)""")
			.param("now", Timestamp.from(now))
			.param("account", accountKey(username))
			.param("client", clientKey(clientAddress))
			.query((row, number) -> new Status(row.getBoolean("account_streak"), retryAfter(row.getTimestamp("locked_until"), now)))
			.single();
	}

	/**
	 * Counts a wrong password (or unknown account) against the name and the address.
	 * @return how long sign-in is now refused, zero when it is not
	 */
	Duration failed(String username, String clientAddress) {
		Instant now = this.clock.instant();
		record(now, "PASSWORD", username, clientAddress, "BAD_CREDENTIALS", null);
		Duration accountLock = lock(ACCOUNT, accountKey(username), this.properties.maxFailuresPerAccount(), now);
		Duration clientLock = lock(CLIENT, clientKey(clientAddress), this.properties.maxFailuresPerClient(), now);
		return (accountLock.compareTo(clientLock) > 0) ? accountLock : clientLock;
	}

	/** A password sign-in refused for another reason than the password (throttled, disabled …). */
	void refused(String username, String clientAddress, String reason) {
		record(this.clock.instant(), "PASSWORD", username, clientAddress, reason, null);
	}

	/** Ends the account's streak of failures. */
	void succeeded(String username) {
		this.jdbc.sql("DELETE FROM sign_in_throttles WHERE subject_kind = 'ACCOUNT' AND subject = :account")
			.param("account", accountKey(username))
			.update();
	}

	void recordTokenFailure(String clientAddress, InvalidApiTokenException refused) {
		record(this.clock.instant(), "TOKEN", null, clientAddress, refused.reason().name(), refused.tokenId());
	}

	void recordSingleSignOnFailure(String clientAddress, String reason) {
		record(this.clock.instant(), "SINGLE_SIGN_ON", null, clientAddress, reason, null);
	}

	private Duration lock(String kind, String subject, int allowedFailures, Instant now) {
		int failures = this.jdbc.sql("""
				INSERT INTO sign_in_throttles (subject_kind, subject, failures, last_failure_at)
				VALUES (:kind, :subject, 1, :now)
				ON CONFLICT (subject_kind, subject) DO UPDATE SET
				    failures = CASE WHEN sign_in_throttles.last_failure_at < :forgetBefore THEN 1
				                    ELSE sign_in_throttles.failures + 1 END,
				    last_failure_at = EXCLUDED.last_failure_at
				RETURNING failures""")
			.param("kind", kind)
			.param("subject", subject)
			.param("now", Timestamp.from(now))
			.param("forgetBefore", Timestamp.from(now.minus(this.properties.forgetAfter())))
			.query(Integer.class)
			.single();
		Duration lock = this.properties.lockAfter(failures, allowedFailures);
		if (!lock.isZero()) {
			this.jdbc.sql("UPDATE sign_in_throttles SET locked_until = :until WHERE subject_kind = :kind AND subject = :subject")
				.param("until", Timestamp.from(now.plus(lock)))
				.param("kind", kind)
				.param("subject", subject)
				.update();
		}
		return lock;
	}

	private void record(Instant now, String method, String username, String clientAddress, String reason, Long tokenId) {
		this.jdbc.sql("""
				INSERT INTO sign_in_failures (occurred_at, method, username, client_address, reason)
				VALUES (:now, :method, :username, :client, :reason)""")
			.param("now", Timestamp.from(now))
			.param("method", method)
			.param("username", (username != null) ? truncate(username, 200) : null)
			.param("client", clientKey(clientAddress))
			.param("reason", truncate(reason, 40))
			.update();
		this.events.publishEvent(new SecurityEvents.SignInRefused(method, username, clientAddress, reason, tokenId));
	}

	private static Duration retryAfter(Timestamp lockedUntil, Instant now) {
		return (lockedUntil != null) ? Duration.between(now, lockedUntil.toInstant()) : Duration.ZERO;
	}

	private static String accountKey(String username) {
		return truncate((username != null) ? username.strip().toLowerCase(Locale.ROOT) : "", 200);
	}

	private static String clientKey(String clientAddress) {
		return truncate((clientAddress != null) ? clientAddress : "unknown", 64);
	}

	private static String truncate(String value, int length) {
		return (value.length() > length) ? value.substring(0, length) : value;
	}

	/** Whether the account has a streak of failures, and how long sign-in stays refused (zero: not). */
	record Status(boolean accountStreak, Duration retryAfter) {

		boolean locked() {
			return !this.retryAfter.isZero() && !this.retryAfter.isNegative();
		}
	}
}
