package dev.shipshape.portal.waivers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.shipshape.portal.security.TokenScope;
import dev.shipshape.portal.tokens.ApiTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The exceptions API: what it refuses (changing nothing), who may do what, races, and the list's filters. */
class ExceptionApiTests extends ExceptionTestSupport {

	private static final String PROBLEMS = "https://shipshape.dev/problems/";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApiTokens tokens;

	@Test
	void refusesBadRequestsNamingTheFieldAndWritesNothing() {
		int before = count();

		assertInvalid(post("/api/v1/exceptions", "wx-engineer",
				"{\"service\": \"wx-ledger\", \"scorecard\": \"wx-gate\", \"rule\": \"has-runbook\", \"riskAssessment\": \"low\"}"),
				"followUp", "reason");
		assertInvalid(post("/api/v1/exceptions", "wx-engineer", request("wx-ledger", "has-runbook", null, "P31D")),
				"duration");
		assertInvalid(post("/api/v1/exceptions", "wx-engineer",
				request("wx-ledger", "has-runbook", null, null).replace("}", ", \"expiresAt\": \"2001-01-01T00:00:00Z\"}")),
				"expiresAt");
		assertInvalid(post("/api/v1/exceptions", "wx-engineer", request("wx-ledger", "has-runbook", null, null)
			.replace("wx-gate", "no-such-scorecard")), "scorecard");
		assertInvalid(post("/api/v1/exceptions", "wx-engineer", request("wx-ledger", "no-such-rule", null, null)), "rule");
		assertInvalid(post("/api/v1/exceptions", "wx-engineer", request("no-such-service", "has-runbook", null, null)),
				"service");
		assertThat(post("/api/v1/exceptions", "wx-engineer", request("wx-sandbox", "has-runbook", null, null)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].message")
			.asString()
			.contains("does not apply to wx-sandbox");
		assertThat(post("/api/v1/exceptions", "wx-engineer", request("wx-checkout", "tests-passed", null, null)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("release");
		assertInvalid(post("/api/v1/exceptions", "wx-engineer", request("wx-checkout", "tests-passed", "9.9.9", null)),
				"release");

		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aSecondRequestForTheSameRuleIsAConflictThatLinksToTheFirst() {
		String first = read(post("/api/v1/exceptions", "wx-engineer", request("wx-elsewhere", "has-runbook", null, "P2D")),
				"$.id");
		int before = count();

		MvcTestResult second = post("/api/v1/exceptions", "wx-sre", request("wx-elsewhere", "has-runbook", null, "P5D"));

		assertThat(second).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(second).bodyJson().extractingPath("$.type").isEqualTo(PROBLEMS + "exception-exists");
		assertThat(second).bodyJson().extractingPath("$.existing").isEqualTo(first);
		assertThat(second).bodyJson().extractingPath("$.existingUrl").isEqualTo("/api/v1/exceptions/" + first);
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void onlySresDecideAndNotOnTheirOwnRequests() {
		String id = read(post("/api/v1/exceptions", "wx-sre", request("wx-elsewhere", "has-docs", null, "P2D")), "$.id");

		assertThat(post("/api/v1/exceptions/" + id + "/approve", "wx-engineer", "{}")).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(post("/api/v1/exceptions/" + id + "/reject", "wx-engineer", "{\"comment\": \"no\"}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult own = post("/api/v1/exceptions/" + id + "/approve", "wx-sre", "{}");
		assertThat(own).hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.type").isEqualTo(PROBLEMS + "self-approval");
		assertThat(post("/api/v1/exceptions", "wx-engineer",
				request("wx-elsewhere", "tests-passed", "1.0.0", null).replace("}", ", \"grant\": true}")))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(get("/api/v1/exceptions/" + id, "wx-engineer")).bodyJson().extractingPath("$.status").isEqualTo("REQUESTED");

		assertThat(post("/api/v1/exceptions/" + id + "/approve", "wx-admin", "{\"duration\": \"P1D\"}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.decidedBy")
			.isEqualTo("wx-admin");
	}

	@Test
	void decidingAgainIsAConflictThatSaysWhoDecidedWhen() {
		String id = read(post("/api/v1/exceptions", "wx-engineer", request("wx-api", "has-docs", null, "P2D")), "$.id");
		assertThat(post("/api/v1/exceptions/" + id + "/reject", "wx-sre", "{\"comment\": \"Write the docs first\"}"))
			.hasStatusOk();

		MvcTestResult again = post("/api/v1/exceptions/" + id + "/approve", "wx-sre2", "{}");

		assertThat(again).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.type").isEqualTo(PROBLEMS + "exception-state");
		assertThat(again).bodyJson().extractingPath("$.status").isEqualTo(409);
		assertThat(again).bodyJson().extractingPath("$.exceptionStatus").isEqualTo("REJECTED");
		assertThat(again).bodyJson().extractingPath("$.by").isEqualTo("wx-sre");
		assertThat(again).bodyJson().extractingPath("$.detail").asString().contains("already rejected by wx-sre");
		assertThat(post("/api/v1/exceptions/" + id + "/reject", "wx-sre", "{}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("comment");
	}

	@Test
	void ofTwoSresApprovingAtTheSameMomentExactlyOneWinsAndTheOtherGetsAConflictSayingWhatHappened() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 3; round++) {
				release("wx-api", "race-" + round, false);
				String id = read(post("/api/v1/exceptions", "wx-engineer",
						request("wx-api", "tests-passed", "race-" + round, "P1D")), "$.id");
				CountDownLatch start = new CountDownLatch(1);
				List<Future<MvcTestResult>> decisions = new ArrayList<>();
				for (String sre : List.of("wx-sre", "wx-sre2")) {
					decisions.add(threads.submit(() -> {
						start.await();
						return post("/api/v1/exceptions/" + id + "/approve", sre, "{}");
					}));
				}
				start.countDown();
				List<MvcTestResult> results = new ArrayList<>();
				for (Future<MvcTestResult> decision : decisions) {
					results.add(decision.get());
				}

				assertThat(results).extracting((r) -> r.getResponse().getStatus()).containsExactlyInAnyOrder(200, 409);
				MvcTestResult lost = results.stream().filter((r) -> r.getResponse().getStatus() == 409).findFirst().orElseThrow();
				assertThat(lost).bodyJson().extractingPath("$.detail").asString().contains("already approved by wx-sre");
				assertThat(this.jdbc.queryForObject(
						"SELECT count(*) FROM exception_events WHERE exception_id = ? AND kind = 'APPROVED'", Integer.class,
						Long.parseLong(id.substring(3)))).isEqualTo(1);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void tokensNeedTheExceptionsScope() {
		String readOnly = this.tokens.create("wx-engineer", "wx-engineer", "readiness only", Set.of(TokenScope.READINESS_READ),
				null).secret();
		String writer = this.tokens.create("wx-engineer", "wx-engineer", "exceptions", Set.of(TokenScope.EXCEPTIONS_WRITE),
				null).secret();

		assertThat(this.mvc.post()
			.uri("/api/v1/exceptions")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + readOnly)
			.contentType(MediaType.APPLICATION_JSON)
			.content(request("wx-elsewhere", "tests-passed", "7.0.0", null))
			.exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.post()
			.uri("/api/v1/exceptions")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + writer)
			.contentType(MediaType.APPLICATION_JSON)
			.content(request("wx-elsewhere", "tests-passed", "7.0.0", null))
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("release");
	}

	@Test
	void theListFiltersByStatusTeamServiceScorecardAndExpiry() {
		release("wx-elsewhere", "8.0.0", false);
		String other = read(post("/api/v1/exceptions", "wx-sre",
				request("wx-elsewhere", "tests-passed", "8.0.0", "P2D").replace("}", ", \"grant\": true}")), "$.id");

		MvcTestResult ofTeam = get("/api/v1/exceptions?team=wx-others&status=approved", "wx-engineer");
		assertThat(ofTeam).hasStatusOk().bodyJson().extractingPath("$.items[*].id").asArray().contains(other);
		assertThat(ofTeam).bodyJson().extractingPath("$.items[*].service").asArray().containsOnly("wx-elsewhere");
		assertThat(ofTeam).bodyJson().extractingPath("$.items[*].status").asArray().containsOnly("APPROVED");
		assertThat(get("/api/v1/exceptions?service=WX-ELSEWHERE&scorecard=wx-gate&expiringWithinDays=3", "wx-engineer"))
			.bodyJson()
			.extractingPath("$.items[*].id")
			.asArray()
			.contains(other);
		assertThat(get("/api/v1/exceptions?team=wx-others&expiringWithinDays=1", "wx-engineer")).bodyJson()
			.extractingPath("$.items[*].id")
			.asArray()
			.doesNotContain(other);
		assertThat(get("/api/v1/exceptions?team=wx-team&service=wx-elsewhere", "wx-engineer")).bodyJson()
			.extractingPath("$.totalItems")
			.isEqualTo(0);
		assertThat(get("/api/v1/exceptions?team=no-such-team", "wx-engineer")).bodyJson()
			.extractingPath("$.totalItems")
			.isEqualTo(0);
		assertThat(get("/api/v1/exceptions?status=LOST", "wx-engineer")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("status");
		assertThat(get("/api/v1/exceptions/EX-987654", "wx-engineer")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void anExceptionShowsItsWholeHistoryAndItsExtension() {
		release("wx-elsewhere", "9.0.0", false);
		String id = read(post("/api/v1/exceptions", "wx-engineer", request("wx-elsewhere", "tests-passed", "9.0.0", "P2D")),
				"$.id");
		post("/api/v1/exceptions/" + id + "/approve", "wx-sre", "{\"duration\": \"P1D\", \"comment\": \"One day\"}");

		MvcTestResult extension = post("/api/v1/exceptions/" + id + "/extend", "wx-engineer",
				"{\"reason\": \"Still flaky\", \"riskAssessment\": \"Low\", \"followUp\": \"QA-8\", \"duration\": \"P5D\"}");
		assertThat(extension).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.extendsId").isEqualTo(id);
		String extensionId = read(extension, "$.id");
		post("/api/v1/exceptions/" + id + "/revoke", "wx-sre2", "{\"reason\": \"Superseded\"}");

		MvcTestResult details = get("/api/v1/exceptions/" + id, "wx-engineer");
		assertThat(details).hasStatusOk().bodyJson().extractingPath("$.history[*].kind").asArray()
			.containsExactly("REQUESTED", "APPROVED", "REVOKED");
		assertThat(details).bodyJson().extractingPath("$.history[1].actor").isEqualTo("wx-sre");
		assertThat(details).bodyJson().extractingPath("$.history[1].comment").isEqualTo("One day");
		assertThat(details).bodyJson().extractingPath("$.history[2].comment").isEqualTo("Superseded");
		assertThat(details).bodyJson().extractingPath("$.extensions").asArray().containsExactly(extensionId);
		assertThat(details).bodyJson().extractingPath("$.riskAssessment").isEqualTo("Low: the change is a copy edit");
	}

	private static void assertInvalid(MvcTestResult result, String... fields) {
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder((Object[]) fields);
	}

	private int count() {
		Integer count = this.jdbc.queryForObject("SELECT count(*) FROM exceptions", Integer.class);
		return (count != null) ? count : 0;
	}
}
