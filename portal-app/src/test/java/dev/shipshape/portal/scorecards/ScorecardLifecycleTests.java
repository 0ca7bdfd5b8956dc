package dev.shipshape.portal.scorecards;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.LinkForm;
import dev.shipshape.catalog.ServiceFacts;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.scorecards.ImpactPreview.Impact;
import dev.shipshape.portal.scorecards.ImpactPreview.ServiceImpact;
import dev.shipshape.portal.scorecards.ResultStore.StoredResult;
import dev.shipshape.portal.scorecards.ScorecardResults.ServiceScorecard;
import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
import dev.shipshape.scorecard.FactValue;
import dev.shipshape.scorecard.RuleResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** A scorecard's life: draft, publish, results, facts, preview, diff, revert. */
@SpringBootTest
@AutoConfigureMockMvc
class ScorecardLifecycleTests {

	private static final Duration RESULTS_WITHIN = Duration.ofSeconds(10);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	ServiceFacts facts;

	@Autowired
	ScorecardResults results;

	@Autowired
	ImpactPreview preview;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ResultStore store;

	@BeforeEach
	void catalog() {
		TestUsers.ensure(this.accounts, "sc-admin", Role.ADMIN);
		TestUsers.ensure(this.accounts, "sc-viewer", Role.VIEWER);
		if (this.catalog.findTeam("sc-team").isEmpty()) {
			this.catalog.createTeam(new TeamForm("sc-team", "Scorecard team", null, "#sc", null, null, List.of(), null));
			this.catalog.createService(new ServiceForm("sc-covered", null, "A service with good tests", "sc-team", 1,
					"production", null, List.of(),
					List.of(new LinkForm("runbook", "https://runbooks.example/sc-covered", null)), List.of(), null));
			this.catalog.createService(new ServiceForm("sc-bare", null, null, null, 2, "production", null, List.of(),
					List.of(), List.of(), null));
			this.facts.replace("sc-covered", Map.of("coverage", 91.5), "test");
			this.facts.replace("sc-bare", Map.of("coverage", 40), "test");
		}
	}

	@Test
	void publishingCreatesAnImmutableVersionAndEvaluatesTheCatalog() {
		create("sc-publish", "service.links.runbook != \"\"");

		MvcTestResult published = publish("sc-publish", "First version");
		assertThat(published).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.number").isEqualTo(1);

		awaitLevel("sc-covered", "sc-publish", 1, "bronze");
		awaitLevel("sc-bare", "sc-publish", 1, null);
		assertThatException().isThrownBy(() -> this.jdbc.update("UPDATE scorecard_versions SET note = 'changed'"))
			.withMessageContaining("immutable");
	}

	@Test
	void anInvalidDraftIsSavedWithDiagnosticsButNotPublished() {
		create("sc-invalid", "service.links.runbook != \"\"");

		MvcTestResult saved = saveDraft("sc-invalid", 0, "service.links.runbook !=");
		assertThat(saved).hasStatusOk().bodyJson().extractingPath("$.diagnostics[0].ruleKey").isEqualTo("has-runbook");
		assertThat(saved).bodyJson().extractingPath("$.diagnostics[0].line").isEqualTo(1);

		MvcTestResult refused = publish("sc-invalid", "broken");
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused).bodyJson().extractingPath("$.diagnostics[0].ruleKey").isEqualTo("has-runbook");
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM scorecard_versions v JOIN scorecards s ON s.id = v.scorecard_id WHERE s.key = 'sc-invalid'",
				Integer.class)).isZero();
	}

	@Test
	void publishingAnUnchangedDraftIsRefused() {
		create("sc-unchanged", "true");
		publish("sc-unchanged", "v1");

		assertThat(publish("sc-unchanged", "again")).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://shipshape.dev/problems/nothing-to-publish");
	}

	@Test
	void theSecondOfTwoConcurrentDraftEditsGetsAConflict() {
		create("sc-concurrent", "true");

		assertThat(saveDraft("sc-concurrent", 0, "1 == 1")).hasStatusOk();
		MvcTestResult second = saveDraft("sc-concurrent", 0, "2 == 2");
		assertThat(second).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("saved by someone else");
	}

	@Test
	void revertRestoresTheExactEarlierRulesAndResults() {
		create("sc-revert", "service.links.runbook != \"\"");
		publish("sc-revert", "runbook required");
		awaitLevel("sc-covered", "sc-revert", 1, "bronze");
		saveDraft("sc-revert", 0, "service.links.runbook == \"nothing has this\"");
		publish("sc-revert", "stricter");
		awaitLevel("sc-covered", "sc-revert", 2, null);

		MvcTestResult reverted = this.mvc.post().uri("/api/v1/scorecards/sc-revert/revert?to=1").with(admin()).exchange();

		assertThat(reverted).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.number").isEqualTo(3);
		assertThat(reverted).bodyJson().extractingPath("$.revertedFrom").isEqualTo(1);
		assertThat(reverted).bodyJson()
			.extractingPath("$.document.rules[0].expression")
			.isEqualTo("service.links.runbook != \"\"");
		awaitLevel("sc-covered", "sc-revert", 3, "bronze");
	}

	@Test
	void revertingToAVersionThatDoesNotExistIsRefused() {
		create("sc-revert-missing", "true");
		publish("sc-revert-missing", "v1");

		assertThat(this.mvc.post().uri("/api/v1/scorecards/sc-revert-missing/revert?to=7").with(admin()).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void previewWritesNothingAndPredictsWhatPublishingProduces() {
		create("sc-preview", "service.links.runbook != \"\"");
		publish("sc-preview", "v1");
		awaitLevel("sc-bare", "sc-preview", 1, null);
		saveDraft("sc-preview", 0, "service.facts.coverage >= 30");
		long resultsBefore = countResults();

		Impact impact = this.preview.preview("sc-preview");

		assertThat(countResults()).isEqualTo(resultsBefore);
		ServiceImpact bare = impact.changes().stream().filter((c) -> c.service().equals("sc-bare")).findFirst().orElseThrow();
		assertThat(bare.levelAfter()).isEqualTo("bronze");
		assertThat(bare.newlyPassing()).containsExactly("has-runbook");
		assertThat(impact.totals().newlyMeetMinimumBar()).isGreaterThanOrEqualTo(1);

		publish("sc-preview", "coverage instead of runbook");
		for (ServiceImpact change : impact.changes()) {
			awaitLevel(change.service(), "sc-preview", 2, change.levelAfter());
		}
	}

	@Test
	void aFactPushChangesTheStoredResult() {
		create("sc-facts", "service.facts.coverage >= 80.0");
		publish("sc-facts", "coverage");
		awaitLevel("sc-bare", "sc-facts", 1, null);

		MvcTestResult pushed = this.mvc.patch()
			.uri("/api/v1/services/sc-bare/facts")
			.with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"coverage\": 85}")
			.exchange();

		assertThat(pushed).hasStatusOk().bodyJson().extractingPath("$.facts[0].reportedBy").isEqualTo("sc-admin");
		awaitLevel("sc-bare", "sc-facts", 1, "bronze");
		this.facts.merge("sc-bare", Map.of("coverage", 40), "test");
	}

	@Test
	void aStoredResultKeepsWhatTheEvaluationFoundAndReadsTheRestFromItsVersion() {
		create("sc-stored", "service.facts.coverage >= 95.0");
		publish("sc-stored", "v1");
		awaitLevel("sc-covered", "sc-stored", 1, null);

		assertThat(storedRules("sc-covered", "sc-stored")).contains("service.facts.coverage").doesNotContain("Has a runbook");
		RuleResult failing = storedResult("sc-covered", "sc-stored").rules().get(0);
		assertThat(failing.title()).isEqualTo("Has a runbook");
		assertThat(failing.level()).isEqualTo("bronze");
		assertThat(failing.blocking()).isTrue();
		assertThat(failing.facts()).extracting(FactValue::value).containsExactly(91.5);

		this.jdbc.update("""
				UPDATE scorecard_results SET digest = NULL, evaluation = '[{"ruleKey": "has-runbook", "title": "Old title",
				    "level": "bronze", "outcome": "FAIL", "facts": [], "blocking": true}]'
				WHERE service_key = 'sc-covered' AND scorecard_id = (SELECT id FROM scorecards WHERE key = 'sc-stored')""");
		assertThat(storedResult("sc-covered", "sc-stored").rules().get(0).title()).isEqualTo("Has a runbook");
	}

	@Test
	void reEvaluatingToTheSameRulesUpdatesTheTimeWithoutRewritingThem() {
		create("sc-refresh", "service.facts.coverage >= 50.0");
		publish("sc-refresh", "v1");
		awaitLevel("sc-covered", "sc-refresh", 1, "bronze");
		String marked = storedRules("sc-covered", "sc-refresh").replace("}]", ", \"marker\": 1}]");
		this.jdbc.update("UPDATE scorecard_results SET evaluation = ?::json WHERE service_key = 'sc-covered' "
				+ "AND scorecard_id = (SELECT id FROM scorecards WHERE key = 'sc-refresh')", marked);
		Instant before = storedResult("sc-covered", "sc-refresh").evaluatedAt();

		this.facts.merge("sc-covered", Map.of("coverage", 91.5), "test");

		await().atMost(RESULTS_WITHIN)
			.untilAsserted(() -> assertThat(storedResult("sc-covered", "sc-refresh").evaluatedAt()).isAfter(before));
		assertThat(storedRules("sc-covered", "sc-refresh")).isEqualTo(marked);

		this.facts.merge("sc-covered", Map.of("coverage", 10), "test");

		awaitLevel("sc-covered", "sc-refresh", 1, null);
		assertThat(storedRules("sc-covered", "sc-refresh")).doesNotContain("marker");
		this.facts.merge("sc-covered", Map.of("coverage", 91.5), "test");
	}

	@Test
	void factsMustBeAJsonObjectOfBoundedSize() {
		assertThat(this.mvc.put()
			.uri("/api/v1/services/sc-bare/facts")
			.with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("[1, 2]")
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("body");
		String huge = "{\"log\": \"" + "x".repeat(70 * 1024) + "\"}";
		assertThat(this.mvc.put()
			.uri("/api/v1/services/sc-bare/facts")
			.with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(huge)
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.facts.get("sc-bare").values()).containsOnlyKeys("coverage");
	}

	@Test
	void theDiffNamesAddedRemovedAndChangedRules() {
		create("sc-diff", "true");
		publish("sc-diff", "v1");
		saveDraft("sc-diff", 0, "false");
		publish("sc-diff", "v2");

		MvcTestResult diff = this.mvc.get().uri("/api/v1/scorecards/sc-diff/diff?from=1&to=2").with(viewer()).exchange();

		assertThat(diff).hasStatusOk().bodyJson().extractingPath("$.changed[0].fields[0].field").isEqualTo("expression");
		assertThat(diff).bodyJson().extractingPath("$.changed[0].fields[0].after").isEqualTo("false");
	}

	@Test
	void aViewerCannotPublish() {
		create("sc-forbidden", "true");

		assertThat(this.mvc.post()
			.uri("/api/v1/scorecards/sc-forbidden/publish")
			.with(viewer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\": \"sneaky\"}")
			.exchange()).hasStatus(HttpStatus.FORBIDDEN);
	}

	private void create(String key, String expression) {
		assertThat(this.mvc.post()
			.uri("/api/v1/scorecards")
			.with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"key": "%s", "name": "Test %s", "ownerTeam": "sc-team",
					 "levels": [{"key": "bronze", "name": "Bronze", "blocking": true}],
					 "rules": [{"key": "has-runbook", "title": "Has a runbook", "level": "bronze",
					            "expression": %s}]}""".formatted(key, key, quote(expression)))
			.exchange()).hasStatus(HttpStatus.CREATED);
	}

	private MvcTestResult saveDraft(String key, long lockVersion, String expression) {
		return this.mvc.put()
			.uri("/api/v1/scorecards/" + key + "/draft")
			.with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "Test %s", "ownerTeam": "sc-team", "lockVersion": %d,
					 "levels": [{"key": "bronze", "name": "Bronze", "blocking": true}],
					 "rules": [{"key": "has-runbook", "title": "Has a runbook", "level": "bronze",
					            "expression": %s}]}""".formatted(key, lockVersion, quote(expression)))
			.exchange();
	}

	private MvcTestResult publish(String key, String note) {
		return this.mvc.post()
			.uri("/api/v1/scorecards/" + key + "/publish")
			.with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\": \"" + note + "\"}")
			.exchange();
	}

	private void awaitLevel(String service, String scorecard, int version, String level) {
		await().atMost(RESULTS_WITHIN).untilAsserted(() -> {
			ServiceScorecard result = this.results.forService(service)
				.stream()
				.filter((r) -> r.scorecardKey().equals(scorecard))
				.findFirst()
				.orElseThrow();
			assertThat(result.pending()).isFalse();
			assertThat(result.version()).isEqualTo(version);
			assertThat(result.level()).isEqualTo(level);
		});
	}

	private StoredResult storedResult(String service, String scorecard) {
		return this.store.forService(service)
			.stream()
			.filter((result) -> result.scorecardKey().equals(scorecard))
			.findFirst()
			.orElseThrow();
	}

	private String storedRules(String service, String scorecard) {
		return this.jdbc.queryForObject("SELECT r.evaluation::text FROM scorecard_results r JOIN scorecards s "
				+ "ON s.id = r.scorecard_id WHERE r.service_key = ? AND s.key = ?", String.class, service, scorecard);
	}

	private long countResults() {
		return this.jdbc.queryForObject("SELECT count(*) FROM scorecard_results", Long.class);
	}

	private static String quote(String expression) {
		return "\"" + expression.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
		return httpBasic("sc-admin", TestUsers.PASSWORD);
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor viewer() {
		return httpBasic("sc-viewer", TestUsers.PASSWORD);
	}
}
