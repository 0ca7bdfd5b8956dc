package dev.shipshape.waivers;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/** The life of one exception, without a database. */
class ExceptionGrantTests {

	private static final Instant NOW = Instant.parse("2030-01-06T09:00:00Z");

	private static final ExceptionTarget TARGET = new ExceptionTarget("checkout", "prod", "runbook", null);

	private static final ExceptionTerms TERMS = new ExceptionTerms("Runbook is being rewritten", "Slower incident response",
			"https://tickets.example/OPS-1", null, null);

	private final ExceptionPolicy policy = new ExceptionPolicy(Duration.ofDays(7), Duration.ofDays(30), false);

	@Test
	void anApprovedExceptionAppliesUntilTheInstantItExpiresAndNotOneInstantLonger() {
		ExceptionGrant exception = requested();
		exception.approve("sre", Approval.asRequested("ok"), this.policy, NOW.plusSeconds(60));

		Instant expiry = NOW.plus(Duration.ofDays(7));
		assertThat(exception.isLiveAt(expiry.minusNanos(1))).isTrue();
		assertThat(exception.isLiveAt(expiry)).isFalse();
		assertThat(exception.statusAt(expiry)).isEqualTo(ExceptionStatus.EXPIRED);
		assertThat(exception.statusAt(expiry.minusNanos(1))).isEqualTo(ExceptionStatus.APPROVED);
	}

	@Test
	void aRequestDoesNotApplyUntilApproved() {
		assertThat(requested().isLiveAt(NOW.plusSeconds(1))).isFalse();
	}

	@Test
	void anApprovalMayShortenButNeverLengthen() {
		ExceptionGrant shortened = requested();
		shortened.approve("sre", new Approval(Duration.ofDays(2), null, null), this.policy, NOW);
		assertThat(shortened.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(2)));

		ExceptionGrant lengthened = requested();
		assertThatExceptionOfType(ExceptionProblems.Invalid.class)
			.isThrownBy(() -> lengthened.approve("sre", new Approval(Duration.ofDays(8), null, null), this.policy, NOW))
			.satisfies((ex) -> assertThat(ex.violations()).first().extracting(ExceptionProblems.Violation::field).isEqualTo("duration"));
		assertThat(lengthened.statusAt(NOW)).isEqualTo(ExceptionStatus.REQUESTED);
	}

	@Test
	void theRequesterCannotApproveTheirOwnRequestUnlessAllowed() {
		ExceptionGrant exception = requested();
		assertThatExceptionOfType(ExceptionProblems.SelfApproval.class)
			.isThrownBy(() -> exception.approve("Engineer", Approval.asRequested(null), this.policy, NOW));
		assertThat(exception.statusAt(NOW)).isEqualTo(ExceptionStatus.REQUESTED);

		exception.approve("engineer", Approval.asRequested(null), new ExceptionPolicy(Duration.ofDays(7),
				Duration.ofDays(30), true), NOW);
		assertThat(exception.statusAt(NOW)).isEqualTo(ExceptionStatus.APPROVED);
	}

	@Test
	void aDecidedRequestCannotBeDecidedAgainAndTheRefusalSaysWhoDecidedWhen() {
		ExceptionGrant exception = requested();
		exception.reject("sre-a", "Fix it first", NOW.plusSeconds(5));

		assertThatExceptionOfType(ExceptionProblems.StateConflict.class)
			.isThrownBy(() -> exception.approve("sre-b", Approval.asRequested(null), this.policy, NOW.plusSeconds(6)))
			.withMessageContaining("already rejected by sre-a at " + NOW.plusSeconds(5))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(ExceptionStatus.REJECTED));
	}

	@Test
	void aRequestThatExpiredUndecidedCannotBeApprovedOrRejected() {
		ExceptionGrant exception = requested();
		Instant later = NOW.plus(Duration.ofDays(7));

		assertThatExceptionOfType(ExceptionProblems.StateConflict.class)
			.isThrownBy(() -> exception.approve("sre", Approval.asRequested(null), this.policy, later))
			.withMessageContaining("expired without a decision");
		assertThatExceptionOfType(ExceptionProblems.StateConflict.class)
			.isThrownBy(() -> exception.reject("sre", "too late", later));
	}

	@Test
	void revokingStopsItAtOnceAndOnlyAnExceptionInForceCanBeRevoked() {
		ExceptionGrant exception = ExceptionGrant.grant(TARGET, TERMS, "sre", NOW.plus(Duration.ofDays(3)), NOW);
		assertThat(exception.isLiveAt(NOW)).isTrue();

		exception.revoke("sre-b", "Runbook restored", NOW.plusSeconds(10));
		assertThat(exception.isLiveAt(NOW.plusSeconds(10))).isFalse();
		assertThat(exception.statusAt(NOW.plusSeconds(10))).isEqualTo(ExceptionStatus.REVOKED);
		assertThatExceptionOfType(ExceptionProblems.StateConflict.class)
			.isThrownBy(() -> exception.revoke("sre", "again", NOW.plusSeconds(20)))
			.withMessageContaining("revoked by sre-b");
		assertThatExceptionOfType(ExceptionProblems.StateConflict.class)
			.isThrownBy(() -> requested().revoke("sre", "not yet approved", NOW));
	}

	@Test
	void everyStepIsRecordedWithWhoWhenAndWhy() {
		ExceptionGrant exception = requested();
		exception.approve("sre", new Approval(Duration.ofDays(1), null, "One day is enough"), this.policy, NOW);
		exception.revoke("sre", "Fixed early", NOW.plusSeconds(3600));

		assertThat(exception.history()).extracting(ExceptionHistoryEvent::entry)
			.extracting(HistoryEntry::kind, HistoryEntry::actor, HistoryEntry::comment)
			.containsExactly(tuple(HistoryEntry.Kind.REQUESTED, "engineer", TERMS.reason()),
					tuple(HistoryEntry.Kind.APPROVED, "sre", "One day is enough"),
					tuple(HistoryEntry.Kind.REVOKED, "sre", "Fixed early"));
	}

	@Test
	void theExpiryOfARequestMustBeInTheFutureAndWithinTheMaximum() {
		assertThat(this.policy.expiryOf(TERMS, NOW)).isEqualTo(NOW.plus(Duration.ofDays(7)));
		assertThat(this.policy.expiryOf(terms(Duration.ofDays(30), null), NOW)).isEqualTo(NOW.plus(Duration.ofDays(30)));
		assertThatExceptionOfType(ExceptionProblems.Invalid.class)
			.isThrownBy(() -> this.policy.expiryOf(terms(Duration.ofDays(30).plusSeconds(1), null), NOW))
			.withMessageContaining("at most 30 days");
		assertThatExceptionOfType(ExceptionProblems.Invalid.class)
			.isThrownBy(() -> this.policy.expiryOf(terms(null, NOW.minusSeconds(1)), NOW))
			.withMessageContaining("expiresAt: must end in the future");
		assertThatExceptionOfType(ExceptionProblems.Invalid.class)
			.isThrownBy(() -> this.policy.expiryOf(terms(Duration.ofDays(-1), null), NOW))
			.withMessageContaining("duration: must end in the future");
		assertThatExceptionOfType(ExceptionProblems.Invalid.class)
			.isThrownBy(() -> this.policy.expiryOf(terms(Duration.ofDays(1), NOW.plusSeconds(60)), NOW))
			.withMessageContaining("not both");
	}

	private static ExceptionGrant requested() {
		return ExceptionGrant.request(TARGET, TERMS, "engineer", NOW.plus(Duration.ofDays(7)), null, NOW);
	}

	private static ExceptionTerms terms(Duration duration, Instant expiresAt) {
		return new ExceptionTerms(TERMS.reason(), TERMS.riskAssessment(), TERMS.followUp(), duration, expiresAt);
	}
}
