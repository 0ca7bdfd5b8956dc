package dev.shipshape.portal.releases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.scorecards.ImpactPreview;
import dev.shipshape.portal.scorecards.NewScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardManagement;
import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Releases, the readiness verdict and the gate that records decisions. */
@SpringBootTest
@AutoConfigureMockMvc
class ReleaseGateTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	ScorecardManagement scorecards;

	@Autowired
	ImpactPreview preview;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${spring.datasource.url}")
	String databaseUrl;

	@BeforeEach
	void serviceWithAReleaseScorecard() {
		TestUsers.ensure(this.accounts, "rel-manager", Role.RELEASE_MANAGER);
		TestUsers.ensure(this.accounts, "rel-viewer", Role.VIEWER);
		if (this.catalog.findService("rel-service").isEmpty()) {
			this.catalog.createTeam(new TeamForm("rel-team", null, null, null, null, null, List.of(), null));
			this.catalog.createService(new ServiceForm("rel-service", null, null, "rel-team", 1, "production", null,
					null, null, null, null));
			this.scorecards.create(new NewScorecardForm("rel-gate", "Release gate", null, "rel-team", null,
					List.of(new ScorecardForm.LevelForm("bronze", "Minimum bar", true),
							new ScorecardForm.LevelForm("silver", "Silver", false)),
					List.of(new ScorecardForm.RuleForm("tests-passed", "Tests passed", null, "bronze",
							"release.facts.testsPassed == true", "Fix the tests", null),
							new ScorecardForm.RuleForm("coverage-80", "Coverage 80%", null, "silver",
									"release.facts.coverage >= 80.0", "Write tests", null))),
					"test");
			this.scorecards.publish("rel-gate", "v1", "test");
		}
	}

	@Test
	void aReleaseFailingABlockingRuleIsBlockedAndTheGateCallFails() {
		register("1.0.0", "{\"testsPassed\": false, \"coverage\": 90}");

		assertThat(readiness("1.0.0")).hasStatusOk().bodyJson().extractingPath("$.verdict").isEqualTo("BLOCKED");
		MvcTestResult gate = gate("1.0.0");
		assertThat(gate).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(gate).bodyJson().extractingPath("$.type").isEqualTo("https://shipshape.dev/problems/release-blocked");
		assertThat(gate).bodyJson().extractingPath("$.blockingFailures[0].ruleKey").isEqualTo("tests-passed");
		assertThat(gate).bodyJson().extractingPath("$.blockingFailures[0].remediation").isEqualTo("Fix the tests");
	}

	@Test
	void passingTheBlockingRulesMakesItReadyAndAnAspirationalFailureNeverBlocks() {
		register("1.1.0", "{\"testsPassed\": true, \"coverage\": 50}");

		MvcTestResult gate = gate("1.1.0");
		assertThat(gate).hasStatusOk().bodyJson().extractingPath("$.verdict").isEqualTo("READY");
		assertThat(gate).bodyJson().extractingPath("$.seen.verdict.aspirational[0].outcome").isEqualTo("FAIL");
		assertThat(gate).bodyJson().extractingPath("$.seen.verdict.passed[0].ruleKey").isEqualTo("tests-passed");
		assertThat(gate).bodyJson().extractingPath("$.seen.verdict.passed.length()").isEqualTo(1);
	}

	@Test
	void factsAddedLaterChangeTheVerdict() {
		register("1.2.0", "{\"coverage\": 85.5}");
		assertThat(gate("1.2.0")).hasStatus(HttpStatus.CONFLICT);

		assertThat(this.mvc.patch()
			.uri("/api/v1/services/rel-service/releases/1.2.0")
			.with(as("rel-manager"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"facts\": {\"testsPassed\": true}}")
			.exchange()).hasStatusOk().bodyJson().extractingPath("$.facts.coverage").isEqualTo(85.5);

		assertThat(gate("1.2.0")).hasStatusOk();
	}

	@Test
	void theReleasePageListsTheFactsEachDecisionSaw() throws Exception {
		register("1.3.0", "{\"testsPassed\": false, \"coverage\": 90}");
		Number decision = JsonPath.read(gate("1.3.0").getResponse().getContentAsString(), "$.decisionId");

		MvcTestResult page = this.mvc.get()
			.uri("/services/rel-service/releases/1.3.0")
			.with(user("rel-viewer").roles("VIEWER"))
			.exchange();

		assertThat(page).hasStatusOk().bodyText()
			.contains("decision " + decision, "coverage = 90", "testsPassed = false")
			.doesNotContain("{coverage=");
	}

	@Test
	void eachGateCallLeavesOneImmutableDecisionThatKeepsWhatItSaw() throws Exception {
		register("2.0.0", "{\"testsPassed\": false}");
		gate("2.0.0");
		this.scorecards.saveDraft("rel-gate", new ScorecardForm("Release gate", null, "rel-team", null,
				List.of(new ScorecardForm.LevelForm("bronze", "Minimum bar", true)),
				List.of(new ScorecardForm.RuleForm("anything", "Anything goes", null, "bronze", "true", null, null)), null),
				"test");
		this.scorecards.publish("rel-gate", "relaxed", "test");
		gate("2.0.0");

		MvcTestResult decisions = this.mvc.get()
			.uri("/api/v1/services/rel-service/releases/2.0.0/decisions")
			.with(as("rel-viewer"))
			.exchange();
		assertThat(decisions).hasStatusOk().bodyJson().extractingPath("$.length()").isEqualTo(2);
		assertThat(decisions).bodyJson().extractingPath("$[1].verdict").isEqualTo("BLOCKED");
		assertThat(decisions).bodyJson().extractingPath("$[1].seen.verdict.scorecards[0].version").isEqualTo(1);
		assertThat(decisions).bodyJson().extractingPath("$[1].seen.releaseFacts.testsPassed").isEqualTo(false);
		assertThat(decisions).bodyJson().extractingPath("$[0].verdict").isEqualTo("READY");
		Number older = JsonPath.read(decisions.getResponse().getContentAsString(), "$[1].id");
		assertThat(decisions).as("decisions are numbered one by one").bodyJson().extractingPath("$[0].id")
			.isEqualTo(older.intValue() + 1);
		assertThatException().isThrownBy(() -> this.jdbc.update("DELETE FROM readiness_decisions"))
			.withMessageContaining("immutable");
		this.scorecards.revert("rel-gate", 1, null, "test");
	}

	@Test
	void registeringTheSameReleaseTwiceIsOneReleaseAndOtherDataIsAConflict() {
		assertThat(register("3.0.0", "{\"testsPassed\": true}")).hasStatus(HttpStatus.CREATED);
		assertThat(register("3.0.0", "{\"testsPassed\": true}")).hasStatus(HttpStatus.OK);

		MvcTestResult conflicting = register("3.0.0", "{\"testsPassed\": false}");
		assertThat(conflicting).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://shipshape.dev/problems/release-conflict");
	}

	@Test
	void twoPipelinesRegisteringTheSameVersionAtOnceMakeExactlyOneRelease() throws Exception {
		ExecutorService pipelines = Executors.newFixedThreadPool(4);
		List<Callable<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			calls.add(() -> register("4.0.0", "{\"testsPassed\": true}").getResponse().getStatus());
		}
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> status : pipelines.invokeAll(calls)) {
			statuses.add(status.get());
		}
		pipelines.shutdown();

		assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM releases WHERE version = '4.0.0'", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void aPreviewNamesTheOpenReleasesADraftWouldBlock() {
		register("8.0.0", "{\"testsPassed\": true, \"coverage\": 50}");
		this.scorecards.create(new NewScorecardForm("rel-preview", "Stricter gate", null, "rel-team", null,
				List.of(new ScorecardForm.LevelForm("bronze", "Minimum bar", true)),
				List.of(new ScorecardForm.RuleForm("coverage-80", "Coverage 80%", null, "bronze",
						"release.facts.coverage >= 80.0", null, null))),
				"test");

		var impact = this.preview.preview("rel-preview");

		assertThat(impact.releaseChanges()).anySatisfy((release) -> {
			assertThat(release.version()).isEqualTo("8.0.0");
			assertThat(release.readyBefore()).isTrue();
			assertThat(release.readyAfter()).isFalse();
			assertThat(release.blockedBy()).containsExactly("coverage-80");
		});
	}

	@Test
	void refusesBadReleases() {
		assertThat(this.mvc.get().uri("/api/v1/services/no-such-service/releases/1.0.0/readiness").with(as("rel-viewer")).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(readiness("9.9.9")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.post()
			.uri("/api/v1/services/rel-service/releases")
			.with(as("rel-manager"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": \"not a version!\"}")
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("version");
		assertThat(this.mvc.post()
			.uri("/api/v1/services/rel-service/releases")
			.with(as("rel-manager"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": \"5.0.0\", \"facts\": [1, 2]}")
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("facts");
	}

	@Test
	void aViewerMayReadButNotCallTheGate() {
		register("6.0.0", "{\"testsPassed\": true}");

		assertThat(this.mvc.post().uri("/api/v1/services/rel-service/releases/6.0.0/gate").with(as("rel-viewer")).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.get().uri("/api/v1/services/rel-service/releases/6.0.0/readiness").with(as("rel-viewer")).exchange())
			.hasStatusOk();
	}

	@Test
	void theGateFailsClosedWhileTheDatabaseIsUnavailable() throws Exception {
		register("7.0.0", "{\"testsPassed\": true}");
		String database = this.jdbc.queryForObject("SELECT current_database()", String.class);
		try (Connection admin = DriverManager.getConnection(this.databaseUrl.replace("/" + database, "/postgres"));
				Statement statement = admin.createStatement()) {
			statement.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false");
			statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
			try {
				MvcTestResult gate = gate("7.0.0");
				assertThat(gate).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			}
			finally {
				statement.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
			}
		}
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(gate("7.0.0")).hasStatusOk());
	}

	private MvcTestResult register(String version, String facts) {
		return this.mvc.post()
			.uri("/api/v1/services/rel-service/releases")
			.with(as("rel-manager"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": \"" + version + "\", \"commit\": \"abc123\", \"environment\": \"production\", \"facts\": "
					+ facts + "}")
			.exchange();
	}

	private MvcTestResult readiness(String version) {
		return this.mvc.get()
			.uri("/api/v1/services/rel-service/releases/" + version + "/readiness")
			.with(as("rel-viewer"))
			.exchange();
	}

	private MvcTestResult gate(String version) {
		return this.mvc.post().uri("/api/v1/services/rel-service/releases/" + version + "/gate").with(as("rel-manager")).exchange();
	}

	private static RequestPostProcessor as(String user) {
		return httpBasic(user, TestUsers.PASSWORD);
	}
}
