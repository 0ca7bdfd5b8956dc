package dev.shipshape.waivers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.shipshape.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Exceptions in PostgreSQL: rules, refusals that change nothing, races, and what evaluations see. */
@SpringBootTest
@RecordApplicationEvents
class WaiverManagementTests {

	@Autowired
	WaiverManagement exceptions;

	@Autowired
	ExpiryWatch expiryWatch;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	private final ExecutorService threads = Executors.newFixedThreadPool(4);

	@BeforeEach
	void startOfTheWeek() {
		this.clock.set(WaiversTestApplication.START);
	}

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	@Test
	void aRequestWaitsForAnSreAndAppliesOnlyOnceApprovedUntilItsExpiry() {
		ExceptionView requested = this.exceptions.request(target("req-svc", null), terms(Duration.ofDays(5)), "engineer");
		assertThat(requested.status()).isEqualTo(ExceptionStatus.REQUESTED);
		assertThat(requested.id()).startsWith("EX-");
		assertThat(live("req-svc")).isEmpty();
		assertThat(this.exceptions.pending(PageRequest.of(0, 100)).map(ExceptionView::id)).contains(requested.id());

		this.clock.advance(Duration.ofHours(1));
		ExceptionView approved = this.exceptions.approve(requested.id(), Approval.asRequested("Agreed"), "sre");
		assertThat(approved.status()).isEqualTo(ExceptionStatus.APPROVED);
		assertThat(approved.expiresAt()).isEqualTo(WaiversTestApplication.START.plus(Duration.ofDays(5)));
		assertThat(this.events.stream(ExceptionEvents.ExceptionApproved.class)).extracting(ExceptionEvents.ExceptionApproved::id)
			.contains(requested.id());

		Instant expiry = approved.expiresAt();
		assertThat(this.exceptions.liveFor(List.of("req-svc"), expiry.minusNanos(1))).extracting(LiveException::id)
			.containsExactly(requested.id());
		assertThat(this.exceptions.liveFor(List.of("req-svc"), expiry)).isEmpty();
		assertThat(this.exceptions.history(requested.id())).extracting(HistoryEntry::kind)
			.containsExactly(HistoryEntry.Kind.REQUESTED, HistoryEntry.Kind.APPROVED);
	}

	@Test
	void anExpiredExceptionShowsItsExpiryInItsHistoryWithoutAnyJobHavingRun() {
		ExceptionView granted = this.exceptions.grant(target("hist-svc", null), terms(Duration.ofDays(1)), "sre");

		this.clock.advance(Duration.ofDays(1));

		ExceptionView expired = this.exceptions.get(granted.id());
		assertThat(expired.status()).isEqualTo(ExceptionStatus.EXPIRED);
		assertThat(expired.live()).isFalse();
		assertThat(this.exceptions.history(granted.id())).extracting(HistoryEntry::kind)
			.containsExactly(HistoryEntry.Kind.GRANTED, HistoryEntry.Kind.EXPIRED);
	}

	@Test
	void aSecondExceptionForTheSameRuleServiceAndReleaseIsRefusedAndNamesTheFirst() {
		ExceptionView first = this.exceptions.request(target("dup-svc", null), terms(Duration.ofDays(3)), "engineer");
		int before = count();

		assertThatExceptionOfType(ExceptionProblems.AlreadyCovered.class)
			.isThrownBy(() -> this.exceptions.request(target("DUP-svc", null), terms(Duration.ofDays(3)), "other"))
			.satisfies((ex) -> assertThat(ex.existingId()).isEqualTo(first.id()))
			.withMessageContaining(first.id());
		assertThatExceptionOfType(ExceptionProblems.AlreadyCovered.class)
			.isThrownBy(() -> this.exceptions.request(target("dup-svc", "1.0.0"), terms(Duration.ofDays(3)), "other"))
			.withMessageContaining("every release");
		assertThat(count()).isEqualTo(before);

		ExceptionView otherRule = this.exceptions.request(new ExceptionTarget("dup-svc", "prod", "tests", null),
				terms(Duration.ofDays(3)), "engineer");
		assertThat(otherRule.status()).isEqualTo(ExceptionStatus.REQUESTED);
	}

	@Test
	void exceptionsForDifferentReleasesAreIndependentAndARejectedOneCoversNothing() {
		this.exceptions.request(target("rel-svc", "1.0.0"), terms(Duration.ofDays(3)), "engineer");
		ExceptionView other = this.exceptions.request(target("rel-svc", "2.0.0"), terms(Duration.ofDays(3)), "engineer");
		this.exceptions.reject(other.id(), "Ship 1.0.0 instead", "sre");

		ExceptionView again = this.exceptions.request(target("rel-svc", "2.0.0"), terms(Duration.ofDays(3)), "engineer");
		this.exceptions.approve(again.id(), Approval.asRequested(null), "sre");

		assertThat(this.exceptions.liveFor(List.of("rel-svc"), this.clock.instant()))
			.extracting(LiveException::releaseVersion)
			.containsExactly("2.0.0");
	}

	@Test
	void refusesBadInputAndWritesNothing() {
		int before = count();

		assertThatExceptionOfType(ExceptionProblems.Invalid.class)
			.isThrownBy(() -> this.exceptions.request(target("bad-svc", null),
					new ExceptionTerms(" ", "risk", "", null, null), "engineer"))
			.satisfies((ex) -> assertThat(ex.violations()).extracting(ExceptionProblems.Violation::field)
				.containsExactly("followUp", "reason"));
		assertThatExceptionOfType(ExceptionProblems.Invalid.class)
			.isThrownBy(() -> this.exceptions.request(new ExceptionTarget("bad-svc", "nope", "runbook", null),
					terms(Duration.ofDays(1)), "engineer"))
			.satisfies((ex) -> assertThat(ex.violations()).extracting(ExceptionProblems.Violation::field)
				.containsExactly("scorecard"));
		assertThatExceptionOfType(ExceptionProblems.Invalid.class)
			.isThrownBy(() -> this.exceptions.request(target("bad-svc", null), terms(Duration.ofDays(31)), "engineer"))
			.withMessageContaining("at most 30 days");
		assertThatExceptionOfType(ExceptionProblems.Invalid.class)
			.isThrownBy(() -> this.exceptions.request(target("bad-svc", null), new ExceptionTerms("r", "r", "f", null,
					this.clock.instant().minusSeconds(1)), "engineer"))
			.withMessageContaining("in the future");
		assertThatExceptionOfType(ExceptionProblems.NotFound.class)
			.isThrownBy(() -> this.exceptions.approve("EX-999999", Approval.asRequested(null), "sre"));
		assertThatExceptionOfType(ExceptionProblems.NotFound.class)
			.isThrownBy(() -> this.exceptions.get("not-an-id"));

		assertThat(count()).isEqualTo(before);
	}

	@Test
	void refusalsOfDecisionsLeaveTheExceptionAsItWas() {
		ExceptionView requested = this.exceptions.request(target("keep-svc", null), terms(Duration.ofDays(2)), "engineer");

		assertThatExceptionOfType(ExceptionProblems.SelfApproval.class)
			.isThrownBy(() -> this.exceptions.approve(requested.id(), Approval.asRequested(null), "engineer"));
		assertThatExceptionOfType(ExceptionProblems.Invalid.class)
			.isThrownBy(() -> this.exceptions.reject(requested.id(), " ", "sre"));
		assertThatExceptionOfType(ExceptionProblems.StateConflict.class)
			.isThrownBy(() -> this.exceptions.revoke(requested.id(), "not in force", "sre"));

		assertThat(this.exceptions.get(requested.id())).isEqualTo(requested);
		assertThat(this.exceptions.history(requested.id())).hasSize(1);
	}

	@Test
	void ofTwoSresDecidingTheSameRequestAtTheSameMomentExactlyOneWinsAndTheOtherLearnsWhatHappened()
			throws Exception {
		for (int round = 0; round < 5; round++) {
			ExceptionView requested = this.exceptions.request(target("race-svc-" + round, null), terms(Duration.ofDays(2)),
					"engineer");
			CountDownLatch start = new CountDownLatch(1);
			List<Callable<String>> decisions = List.of(() -> {
				start.await();
				return this.exceptions.approve(requested.id(), Approval.asRequested(null), "sre-a").status().name();
			}, () -> {
				start.await();
				return this.exceptions.reject(requested.id(), "No", "sre-b").status().name();
			});
			List<Future<String>> outcomes = new ArrayList<>();
			decisions.forEach((decision) -> outcomes.add(this.threads.submit(decision)));
			start.countDown();

			List<String> won = new ArrayList<>();
			List<Throwable> lost = new ArrayList<>();
			for (Future<String> outcome : outcomes) {
				try {
					won.add(outcome.get());
				}
				catch (java.util.concurrent.ExecutionException ex) {
					lost.add(ex.getCause());
				}
			}
			assertThat(won).hasSize(1);
			assertThat(lost).singleElement()
				.isInstanceOf(ExceptionProblems.StateConflict.class)
				.extracting(Throwable::getMessage)
				.asString()
				.containsAnyOf("already approved by sre-a", "already rejected by sre-b");
			assertThat(this.exceptions.history(requested.id())).hasSize(2);
		}
	}

	@Test
	void twoRequestsForTheSameRuleAtTheSameMomentMakeExactlyOne() throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> outcomes = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String requester = "engineer-" + i;
			outcomes.add(this.threads.submit(() -> {
				start.await();
				try {
					this.exceptions.request(target("twin-svc", null), terms(Duration.ofDays(1)), requester);
					return true;
				}
				catch (ExceptionProblems.AlreadyCovered ex) {
					return false;
				}
			}));
		}
		start.countDown();
		List<Boolean> created = new ArrayList<>();
		for (Future<Boolean> outcome : outcomes) {
			created.add(outcome.get());
		}

		assertThat(created).containsOnlyOnce(true);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM exceptions WHERE service_key = 'twin-svc'", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void revokingStopsAnExceptionAtOnce() {
		ExceptionView granted = this.exceptions.grant(target("rev-svc", null), terms(Duration.ofDays(3)), "sre");
		assertThat(live("rev-svc")).hasSize(1);

		this.clock.advance(Duration.ofMinutes(5));
		ExceptionView revoked = this.exceptions.revoke(granted.id(), "Fixed", "sre-b");

		assertThat(revoked.status()).isEqualTo(ExceptionStatus.REVOKED);
		assertThat(live("rev-svc")).isEmpty();
		assertThat(this.events.stream(ExceptionEvents.ExceptionRevoked.class)).extracting(ExceptionEvents.ExceptionRevoked::id)
			.contains(granted.id());
	}

	@Test
	void extendingIsANewRequestLinkedToTheOldOneWhichAppliesUntilTheExtensionIsApproved() {
		ExceptionView granted = this.exceptions.grant(target("ext-svc", null), terms(Duration.ofDays(3)), "sre");
		this.clock.advance(Duration.ofDays(2));

		assertThatExceptionOfType(ExceptionProblems.Invalid.class)
			.isThrownBy(() -> this.exceptions.extend(granted.id(), terms(Duration.ofHours(12)), "engineer"))
			.withMessageContaining("must end after " + granted.id());
		ExceptionView extension = this.exceptions.extend(granted.id(), terms(Duration.ofDays(7)), "engineer");

		assertThat(extension.extendsId()).isEqualTo(granted.id());
		assertThat(extension.status()).isEqualTo(ExceptionStatus.REQUESTED);
		assertThat(this.exceptions.extensionsOf(granted.id())).extracting(ExceptionView::id).containsExactly(extension.id());
		assertThat(live("ext-svc")).extracting(LiveException::id).containsExactly(granted.id());
		assertThatExceptionOfType(ExceptionProblems.AlreadyCovered.class)
			.isThrownBy(() -> this.exceptions.extend(granted.id(), terms(Duration.ofDays(7)), "engineer"));
		assertThatExceptionOfType(ExceptionProblems.StateConflict.class)
			.isThrownBy(() -> this.exceptions.extend(extension.id(), terms(Duration.ofDays(7)), "engineer"));
	}

	@Test
	void theListFiltersByStatusServiceScorecardAndExpiry() {
		ExceptionView soon = this.exceptions.grant(target("list-a", null), terms(Duration.ofDays(2)), "sre");
		ExceptionView later = this.exceptions.grant(target("list-b", null), terms(Duration.ofDays(20)), "sre");
		ExceptionView waiting = this.exceptions.request(target("list-c", null), terms(Duration.ofDays(2)), "engineer");
		List<String> mine = List.of("list-a", "list-b", "list-c");

		assertThat(ids(new ExceptionQuery(ExceptionStatus.APPROVED, mine, null, null))).containsExactly(later.id(), soon.id());
		assertThat(ids(new ExceptionQuery(ExceptionStatus.REQUESTED, mine, null, null))).containsExactly(waiting.id());
		assertThat(ids(new ExceptionQuery(null, mine, null, 3))).containsExactly(soon.id());
		assertThat(ids(new ExceptionQuery(null, List.of("LIST-B"), "prod", null))).containsExactly(later.id());
		assertThat(ids(new ExceptionQuery(null, mine, "other", null))).isEmpty();
		assertThat(ids(new ExceptionQuery(null, List.of(), null, null))).isEmpty();

		this.clock.advance(Duration.ofDays(2));
		assertThat(ids(new ExceptionQuery(ExceptionStatus.EXPIRED, mine, null, null))).containsExactlyInAnyOrder(soon.id(),
				waiting.id());
	}

	@Test
	void theExpiryWatchTellsOnceThatAnApprovedExceptionExpired() {
		ExceptionView granted = this.exceptions.grant(target("watch-svc", null), terms(Duration.ofHours(6)), "sre");

		this.expiryWatch.check();
		assertThat(expiredEvents(granted.id())).isZero();

		this.clock.advance(Duration.ofHours(6));
		this.expiryWatch.check();
		this.expiryWatch.check();

		assertThat(expiredEvents(granted.id())).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT expiry_handled FROM exceptions WHERE id = ?", Boolean.class,
				ExceptionIds.parse(granted.id()).getAsLong())).isTrue();
	}

	@Test
	void theHistoryIsAppendOnly() {
		ExceptionView requested = this.exceptions.request(target("append-svc", null), terms(Duration.ofDays(1)), "engineer");

		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> this.jdbc.update("DELETE FROM exception_events WHERE exception_id = ?",
					ExceptionIds.parse(requested.id()).getAsLong()))
			.withMessageContaining("append-only");
	}

	private long expiredEvents(String id) {
		return this.events.stream(ExceptionEvents.ExceptionExpired.class).filter((e) -> e.id().equals(id)).count();
	}

	private List<String> ids(ExceptionQuery query) {
		return this.exceptions.find(query, PageRequest.of(0, 50, org.springframework.data.domain.Sort.by("expiresAt").descending()))
			.map(ExceptionView::id)
			.getContent();
	}

	private List<LiveException> live(String service) {
		return this.exceptions.liveFor(List.of(service), this.clock.instant());
	}

	private int count() {
		Integer count = this.jdbc.queryForObject("SELECT count(*) FROM exceptions", Integer.class);
		return (count != null) ? count : 0;
	}

	static ExceptionTarget target(String service, String release) {
		return new ExceptionTarget(service, "prod", "runbook", release);
	}

	static ExceptionTerms terms(Duration duration) {
		return new ExceptionTerms("The runbook is being rewritten", "Slower response to incidents for a week",
				"https://tickets.example/OPS-42", duration, null);
	}
}
