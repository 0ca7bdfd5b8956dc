package dev.shipshape.portal.ops;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.ServiceFacts;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.scorecards.NewScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardManagement;
import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** Probes for the load balancer, metrics for Prometheus and request ids for the logs. */
@SpringBootTest(properties = "shipshape.ops.metrics-token=" + ObservabilityTests.METRICS_TOKEN)
@AutoConfigureMockMvc
class ObservabilityTests {

	static final String METRICS_TOKEN = "scrape-me-0123456789abcdef";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	ServiceFacts facts;

	@Autowired
	ScorecardManagement scorecards;

	@Autowired
	UserAccounts accounts;

	@Autowired
	QueueMetrics queues;

	@BeforeEach
	void accounts() {
		TestUsers.ensure(this.accounts, "ops-admin", Role.ADMIN);
		TestUsers.ensure(this.accounts, "ops-viewer", Role.VIEWER);
		TestUsers.ensure(this.accounts, "ops-releaser", Role.RELEASE_MANAGER);
	}

	@Test
	void livenessAndReadinessAnswerWithoutCredentialsAndShowOnlyTheirStatus() {
		for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
			MvcTestResult health = this.mvc.get().uri(probe).exchange();
			assertThat(health).hasStatusOk();
			assertThat(health).bodyJson().extractingPath("$.status").isEqualTo("UP");
			assertThat(health).bodyJson().doesNotHavePath("$.components");
		}
	}

	@Test
	void prometheusTakesTheMetricsTokenOrAnAdministratorAndNobodyElse() throws Exception {
		assertThat(this.mvc.get().uri("/actuator/prometheus").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.mvc.get().uri("/actuator/prometheus").header("Authorization", "Bearer not-the-token").exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.mvc.get().uri("/actuator/prometheus").with(httpBasic("ops-viewer", TestUsers.PASSWORD)).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.get().uri("/actuator/prometheus").with(httpBasic("ops-admin", TestUsers.PASSWORD)).exchange())
			.hasStatusOk();
		assertThat(scrape()).contains("jvm_memory_used_bytes");
		assertThat(this.mvc.get().uri("/actuator/env").with(httpBasic("ops-viewer", TestUsers.PASSWORD)).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void prometheusShowsGateDecisionsEvaluationTimesAndQueueDepths() throws Exception {
		this.catalog.createTeam(new TeamForm("ops-team", null, null, null, null, null, List.of(), null));
		this.catalog.createService(new ServiceForm("ops-service", null, null, "ops-team", 1, "production", null, null,
				null, null, null));
		this.scorecards.create(new NewScorecardForm("ops-card", "Ops", null, "ops-team", null,
				List.of(new ScorecardForm.LevelForm("bronze", "Minimum bar", true)),
				List.of(new ScorecardForm.RuleForm("tested", "Tested", null, "bronze", "service.facts.tested == true",
						null, null))),
				"test");
		this.scorecards.publish("ops-card", "v1", "test");
		this.facts.replace("ops-service", Map.of("tested", true), "test");
		assertThat(this.mvc.post()
			.uri("/api/v1/services/ops-service/releases")
			.with(httpBasic("ops-releaser", TestUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": \"1.0.0\"}")
			.exchange()).hasStatus(HttpStatus.CREATED);
		assertThat(this.mvc.post()
			.uri("/api/v1/services/ops-service/releases/1.0.0/gate")
			.with(httpBasic("ops-releaser", TestUsers.PASSWORD))
			.exchange()).hasStatusOk();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			this.queues.refresh();
			assertThat(scrape()).contains("shipshape_results_batch_seconds_count{work=\"stale\"}")
				.contains("shipshape_results_stale 0.0")
				.contains("shipshape_evaluation_runs_pending 0.0");
		});
		assertThat(scrape()).contains("shipshape_readiness_decisions_total{verdict=\"READY\"} 1.0")
			.contains("shipshape_readiness_evaluation_seconds_count 1")
			.contains("shipshape_readiness_evaluation_seconds_bucket")
			.contains("shipshape_results_batch_seconds_count{work=\"run\"}");
	}

	@Test
	void everyResponseCarriesItsRequestIdTakenFromTheCallerWhenItIsSafe() {
		MvcTestResult given = this.mvc.get().uri("/actuator/health").header("X-Request-Id", "deploy-42.ab:c_d").exchange();
		assertThat(given).hasHeader("X-Request-Id", "deploy-42.ab:c_d");

		MvcTestResult made = this.mvc.get().uri("/login").exchange();
		assertThat(made.getResponse().getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");

		MvcTestResult forged = this.mvc.get()
			.uri("/actuator/health")
			.header("X-Request-Id", "x\" level=ERROR forged=\"")
			.exchange();
		assertThat(forged.getResponse().getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
	}

	private String scrape() throws Exception {
		MvcTestResult scrape = this.mvc.get()
			.uri("/actuator/prometheus")
			.header("Authorization", "Bearer " + METRICS_TOKEN)
			.exchange();
		assertThat(scrape).hasStatusOk();
		return scrape.getResponse().getContentAsString();
	}
}
