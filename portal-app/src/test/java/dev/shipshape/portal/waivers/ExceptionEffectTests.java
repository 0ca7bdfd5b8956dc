package dev.shipshape.portal.waivers;

import java.time.Duration;
import java.time.Instant;

import dev.shipshape.portal.releases.Readiness;
import dev.shipshape.portal.releases.ReadinessVerdict;
import dev.shipshape.portal.releases.Verdict;
import dev.shipshape.portal.scorecards.ScorecardResults;
import dev.shipshape.scorecard.Outcome;
import dev.shipshape.scorecard.RuleResult;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an exception does: from the moment it is approved until the instant it expires (and not one
 * instant longer), its rule's failure is waived in readiness, gate decisions and stored results;
 * revoked, it stops at once; narrowed to a release, it waives nothing for other releases.
 */
class ExceptionEffectTests extends ExceptionTestSupport {

	private static final Duration RESULTS_WITHIN = Duration.ofSeconds(20);

	@Autowired
	Readiness readiness;

	@Autowired
	ScorecardResults results;

	@Test
	void aBlockedReleaseBecomesReadyTheMomentAnExceptionIsApprovedAndBlockedAgainTheInstantItExpires() {
		release("wx-checkout", "1.0.0", false);
		assertThat(verdict("wx-checkout", "1.0.0")).isEqualTo(Verdict.BLOCKED);

		MvcTestResult requested = post("/api/v1/exceptions", "wx-engineer",
				request("wx-checkout", "tests-passed", "1.0.0", "PT6H"));
		assertThat(requested).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.status").isEqualTo("REQUESTED");
		String id = read(requested, "$.id");
		assertThat(verdict("wx-checkout", "1.0.0")).as("a request alone waives nothing").isEqualTo(Verdict.BLOCKED);

		CLOCK.advance(Duration.ofMinutes(10));
		MvcTestResult approved = post("/api/v1/exceptions/" + id + "/approve", "wx-sre", "{\"comment\": \"Agreed\"}");
		assertThat(approved).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("APPROVED");
		Instant expiresAt = Instant.parse(read(approved, "$.expiresAt"));

		ReadinessVerdict ready = this.readiness.evaluate("wx-checkout", "1.0.0");
		assertThat(ready.verdict()).isEqualTo(Verdict.READY);
		assertThat(ready.waived()).singleElement().satisfies((waived) -> {
			assertThat(waived.ruleKey()).isEqualTo("tests-passed");
			assertThat(waived.exceptionId()).isEqualTo(id);
			assertThat(waived.exceptionExpiresAt()).isEqualTo(expiresAt);
		});
		MvcTestResult gate = post("/api/v1/services/wx-checkout/releases/1.0.0/gate", "wx-admin", "");
		assertThat(gate).hasStatusOk().bodyJson().extractingPath("$.seen.exceptionsApplied[0].waiver.id").isEqualTo(id);

		CLOCK.set(expiresAt.minusNanos(1));
		assertThat(verdict("wx-checkout", "1.0.0")).isEqualTo(Verdict.READY);
		CLOCK.set(expiresAt);
		assertThat(verdict("wx-checkout", "1.0.0")).isEqualTo(Verdict.BLOCKED);
		assertThat(post("/api/v1/services/wx-checkout/releases/1.0.0/gate", "wx-admin", ""))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(get("/api/v1/exceptions/" + id, "wx-engineer")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("EXPIRED");
	}

	@Test
	void aRevokedExceptionStopsApplyingAtOnceInReadinessAndStoredResults() {
		release("wx-ledger", "1.0.0", true);
		assertThat(verdict("wx-ledger", "1.0.0")).isEqualTo(Verdict.BLOCKED);

		MvcTestResult granted = post("/api/v1/exceptions", "wx-sre",
				request("wx-ledger", "has-runbook", null, "P3D").replace("}", ", \"grant\": true}"));
		assertThat(granted).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.status").isEqualTo("APPROVED");
		String id = read(granted, "$.id");
		assertThat(verdict("wx-ledger", "1.0.0")).isEqualTo(Verdict.READY);
		awaitStoredOutcome("wx-ledger", "has-runbook", Outcome.WAIVED);

		CLOCK.advance(Duration.ofMinutes(1));
		assertThat(post("/api/v1/exceptions/" + id + "/revoke", "wx-sre2", "{\"reason\": \"Runbook written\"}"))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("REVOKED");

		assertThat(verdict("wx-ledger", "1.0.0")).isEqualTo(Verdict.BLOCKED);
		awaitStoredOutcome("wx-ledger", "has-runbook", Outcome.FAIL);
	}

	@Test
	void anExceptionForOneReleaseWaivesNothingForAnotherReleaseOrTheServiceItself() {
		release("wx-api", "3.0.0", false);
		release("wx-api", "3.1.0", false);

		String id = read(post("/api/v1/exceptions", "wx-sre", request("wx-api", "tests-passed", "3.0.0", "P1D")
			.replace("}", ", \"grant\": true}")), "$.id");

		assertThat(verdict("wx-api", "3.0.0")).isEqualTo(Verdict.READY);
		ReadinessVerdict other = this.readiness.evaluate("wx-api", "3.1.0");
		assertThat(other.verdict()).isEqualTo(Verdict.BLOCKED);
		assertThat(other.waived()).isEmpty();
		assertThat(post("/api/v1/services/wx-api/releases/3.1.0/gate", "wx-admin", "")).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.blockingFailures[0].ruleKey")
			.isEqualTo("tests-passed");
		assertThat(get("/api/v1/exceptions/" + id, "wx-engineer")).bodyJson().extractingPath("$.release").isEqualTo("3.0.0");
	}

	@Test
	void storedResultsFlipBackWhenAnExceptionExpiresAndTheGateIsRightBeforeTheyDo() {
		release("wx-vault", "1.0.0", true);
		String id = read(post("/api/v1/exceptions", "wx-sre", request("wx-vault", "has-runbook", null, "PT1H")
			.replace("}", ", \"grant\": true}")), "$.id");
		RuleResult waived = awaitStoredOutcome("wx-vault", "has-runbook", Outcome.WAIVED);
		assertThat(waived.waiver().id()).isEqualTo(id);
		assertThat(verdict("wx-vault", "1.0.0")).isEqualTo(Verdict.READY);

		CLOCK.set(waived.waiver().expiresAt());

		assertThat(verdict("wx-vault", "1.0.0")).as("live verdicts read the clock, not the stored results")
			.isEqualTo(Verdict.BLOCKED);
		awaitStoredOutcome("wx-vault", "has-runbook", Outcome.FAIL);
	}

	private Verdict verdict(String service, String version) {
		return this.readiness.evaluate(service, version).verdict();
	}

	private RuleResult awaitStoredOutcome(String service, String rule, Outcome outcome) {
		return await().atMost(RESULTS_WITHIN)
			.until(() -> this.results.forService(service)
				.stream()
				.filter((card) -> card.scorecardKey().equals("wx-gate"))
				.flatMap((card) -> card.rules().stream())
				.filter((result) -> result.ruleKey().equals(rule))
				.findFirst()
				.orElse(null), (result) -> result != null && result.outcome() == outcome);
	}
}
