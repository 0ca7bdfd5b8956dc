package dev.shipshape.portal.scorecards.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.LinkForm;
import dev.shipshape.catalog.PersonForm;
import dev.shipshape.catalog.ServiceFacts;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.scorecards.EvaluationRuns;
import dev.shipshape.portal.scorecards.NewScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardManagement;
import dev.shipshape.portal.scorecards.ScorecardReports;
import dev.shipshape.portal.scorecards.ScorecardReports.HeatMapRow;
import dev.shipshape.portal.scorecards.ScorecardReports.ReportFilter;
import dev.shipshape.portal.scorecards.ScorecardReports.TeamStanding;
import dev.shipshape.portal.scorecards.ScorecardResults;
import dev.shipshape.portal.scorecards.ScorecardViews.VersionSummary;
import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
import dev.shipshape.scorecard.Level;
import dev.shipshape.scorecard.Outcome;
import dev.shipshape.scorecard.Rule;
import dev.shipshape.scorecard.Scorecard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The scorecard pages: list, scorecard, editor, diff, preview, publish, revert and the report. */
@SpringBootTest
@AutoConfigureMockMvc
class ScorecardPagesTests {

	private static final Duration RESULTS_WITHIN = Duration.ofSeconds(10);

	private static final String RUNBOOK = "service.links.runbook != \"\"";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	ServiceFacts facts;

	@Autowired
	ScorecardManagement scorecards;

	@Autowired
	ScorecardResults results;

	@Autowired
	ScorecardReports reports;

	@Autowired
	EvaluationRuns runs;

	@Autowired
	UserAccounts accounts;

	@BeforeEach
	void catalog() {
		TestUsers.ensure(this.accounts, "sp-member", Role.VIEWER);
		TestUsers.ensure(this.accounts, "sp-viewer", Role.VIEWER);
		if (this.catalog.findTeam("sp-team").isEmpty()) {
			this.catalog.createPerson(new PersonForm("sp-member", null, null, null, null));
			this.catalog.createTeam(new TeamForm("sp-team", "Scorecard pages team", null, "#sp", null, null,
					List.of("sp-member"), null));
			this.catalog.createTeam(new TeamForm("sp-other", "Other team", null, null, null, null, List.of(), null));
			this.catalog.createService(new ServiceForm("sp-ready", null, "Has everything", "sp-team", 1, "production", null,
					List.of(), List.of(new LinkForm("runbook", "https://runbooks.example/sp-ready", null)), List.of(), null));
			this.catalog.createService(new ServiceForm("sp-bare", null, null, "sp-other", 3, "experimental", null,
					List.of(), List.of(), List.of(), null));
			this.facts.replace("sp-ready", Map.of("coverage", 95), "test");
			this.facts.replace("sp-bare", Map.of("coverage", 20), "test");
		}
	}

	@Test
	void theListShowsScorecardsAndArchivedOnesOnlyBehindTheFilter() {
		published("sp-listed", RUNBOOK);
		published("sp-archived", RUNBOOK);
		this.scorecards.archive("sp-archived", "test");

		assertThat(page(get("/scorecards"), "sp-viewer")).hasStatusOk()
			.bodyText()
			.contains("sp-listed", "Test sp-listed", "sp-team", "version 1")
			.doesNotContain("sp-archived", "New scorecard");
		assertThat(page(get("/scorecards?archived=true"), "sp-viewer")).hasStatusOk()
			.bodyText()
			.contains("sp-archived", "archived");
		assertThat(page(get("/scorecards"), "sp-member")).bodyText().contains("New scorecard");
	}

	@Test
	void aMemberCreatesAScorecardOfTheirTeamAndOthersAreRefusedOnTheOwnerField() {
		MvcTestResult created = page(post("/scorecards").param("key", "sp-created")
			.param("name", "Created on the page")
			.param("ownerTeam", "sp-team"), "sp-member");

		assertThat(created).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/scorecards/sp-created/draft");
		assertThat(this.scorecards.draft("sp-created").document().levels()).extracting(Level::key)
			.containsExactly("bronze", "silver", "gold");

		MvcTestResult refused = page(post("/scorecards").param("key", "sp-not-mine")
			.param("name", "Not mine")
			.param("ownerTeam", "sp-team"), "sp-viewer");
		assertThat(refused).hasStatus(HttpStatus.FORBIDDEN).bodyText().contains("only for a team you belong to", "Not mine");
		assertThat(this.scorecards.find("sp-not-mine")).isEmpty();

		assertThat(page(post("/scorecards").param("key", "Bad Key").param("name", "x").param("ownerTeam", "sp-team"),
				"sp-member"))
			.hasStatusOk()
			.bodyText()
			.contains("is-invalid", "lower-case letters");
	}

	@Test
	void theScorecardPageShowsLevelsRulesHistoryAndTheActionsOfEditors() {
		published("sp-show", RUNBOOK);

		assertThat(page(get("/scorecards/sp-show"), "sp-member")).hasStatusOk()
			.bodyText()
			.contains("Has a runbook", "<code>service.links.runbook != &quot;&quot;</code>", "Add a runbook link",
					"Version 1", "First version", "Edit draft", "Archive", "Upcoming");
		assertThat(page(get("/scorecards/sp-show"), "sp-viewer")).hasStatusOk()
			.bodyText()
			.contains("Has a runbook")
			.doesNotContain("Edit draft");
		assertThat(page(get("/scorecards/sp-nothing-here"), "sp-viewer")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aRuleThatDoesNotCompileIsSavedAndItsDiagnosticShownNextToIt() throws Exception {
		draft("sp-invalid", RUNBOOK);

		MvcTestResult saved = page(saveDraft("sp-invalid", 0, "service.links.runbook !="), "sp-member");

		assertThat(saved).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/scorecards/sp-invalid/draft");
		assertThat(this.scorecards.draft("sp-invalid").document().rules().get(0).expression())
			.isEqualTo("service.links.runbook !=");
		String editor = page(get("/scorecards/sp-invalid/draft"), "sp-member").getResponse().getContentAsString();
		assertThat(editor).contains("cannot be published until they are fixed");
		int row = editor.indexOf("data-rule=\"has-runbook\"");
		int diagnostic = editor.indexOf("data-diagnostic", row);
		assertThat(row).isPositive();
		assertThat(diagnostic).isGreaterThan(row).isLessThan(editor.indexOf("data-rule=\"covered\""));
		assertThat(editor.substring(diagnostic, editor.indexOf("</div>", diagnostic))).contains("line 1, column");
	}

	@Test
	void aStaleSaveGetsTheConflictMessageAndKeepsTheInputUntilSavedOverTheNewerDraft() {
		draft("sp-stale", RUNBOOK);
		assertThat(page(saveDraft("sp-stale", 0, "true"), "sp-member")).hasStatus(HttpStatus.FOUND);

		MvcTestResult stale = page(saveDraft("sp-stale", 0, "1 == 1").param("rules[0].title", "My stale title"),
				"sp-member");

		assertThat(stale).hasStatus(HttpStatus.CONFLICT)
			.bodyText()
			.contains("saved by someone else", "My stale title", "1 == 1", "save yours over it");
		assertThat(this.scorecards.draft("sp-stale").document().rules().get(0).expression()).isEqualTo("true");

		assertThat(page(saveDraft("sp-stale", 0, "1 == 1").param("overwrite", "1"), "sp-member"))
			.hasStatus(HttpStatus.FOUND);
		assertThat(this.scorecards.draft("sp-stale").document().rules().get(0).expression()).isEqualTo("1 == 1");
	}

	@Test
	void invalidFieldsAreShownNextToTheInputsAndNothingIsSaved() {
		draft("sp-fields", RUNBOOK);

		MvcTestResult refused = page(saveDraft("sp-fields", 0, RUNBOOK).param("rules[1].key", "Not A Key"), "sp-member");

		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyText()
			.contains("Nothing was saved", "Not A Key", "lower-case letters");
		assertThat(this.scorecards.draft("sp-fields").lockVersion()).isZero();
	}

	@Test
	void rulesAreAddedAndRemovedWithoutScriptAndWithHtmx() {
		draft("sp-rows", RUNBOOK);

		MvcTestResult added = page(saveDraft("sp-rows", 0, RUNBOOK).param("addRule", "true"), "sp-member");
		assertThat(added).hasStatusOk().bodyText().contains("name=\"rules[2].key\"", "Not saved yet");
		MvcTestResult removed = page(saveDraft("sp-rows", 0, RUNBOOK).param("removeRule", "0"), "sp-member");
		assertThat(removed).hasStatusOk().bodyText().contains("value=\"covered\"").doesNotContain("value=\"has-runbook\"");
		assertThat(this.scorecards.draft("sp-rows").lockVersion()).isZero();

		MvcTestResult row = page(get("/scorecards/sp-rows/draft/rules/new?nextRuleIndex=7&levels[0].key=bronze&levels[1].key=gold")
			.header("HX-Request", "true"), "sp-member");
		assertThat(row).hasStatusOk()
			.bodyText()
			.contains("name=\"rules[7].expression\"", "<option value=\"gold\">", "hx-swap-oob", "value=\"8\"")
			.doesNotContain("<html");
	}

	@Test
	void viewersCannotEditPublishOrRevert() {
		published("sp-guarded", RUNBOOK);

		assertThat(page(get("/scorecards/sp-guarded/draft"), "sp-viewer")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(page(saveDraft("sp-guarded", 0, "true"), "sp-viewer")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(page(post("/scorecards/sp-guarded/publish").param("note", "sneaky"), "sp-viewer"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(page(post("/scorecards/sp-guarded/revert").param("to", "1"), "sp-viewer"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.scorecards.versions("sp-guarded")).hasSize(1);
	}

	@Test
	void thePreviewSaysWhatChangesInSentencesAndPublishingFromItCreatesTheNextVersion() {
		published("sp-preview", RUNBOOK);
		awaitLevel("sp-bare", "sp-preview", 1, null);
		this.scorecards.saveDraft("sp-preview", content("sp-preview", "true", 0L), "test");

		MvcTestResult preview = page(get("/scorecards/sp-preview/preview"), "sp-member");

		assertThat(preview).hasStatusOk()
			.bodyText()
			.contains("newly meet", "the minimum bar", "from no level to Bronze", "data-service=\"sp-bare\"", "Has a runbook",
					"Publish as version 2");
		MvcTestResult published = page(post("/scorecards/sp-preview/publish").param("note", "Runbooks are optional"),
				"sp-member");
		assertThat(published).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/scorecards/sp-preview");
		assertThat(published.getMvcResult().getFlashMap().get("flash")).asString().contains("Version 2 published");
		assertThat(this.scorecards.versions("sp-preview")).extracting(VersionSummary::note)
			.containsExactly("Runbooks are optional", "First version");
		awaitLevel("sp-bare", "sp-preview", 2, "bronze");

		assertThat(page(post("/scorecards/sp-preview/publish").param("note", "again"), "sp-member").getMvcResult().getFlashMap().get("flashError"))
			.asString()
			.contains("nothing to publish");
	}

	@Test
	void theProgressOfTheReEvaluationIsAFragmentThatHtmxPollsUntilItFinishes() {
		published("sp-progress", RUNBOOK);
		awaitFinishedRun("sp-progress");

		MvcTestResult fragment = page(get("/scorecards/sp-progress/evaluation").header("HX-Request", "true"), "sp-viewer");

		assertThat(fragment).hasStatusOk()
			.bodyText()
			.contains("id=\"evaluation-progress\"", "data-evaluation=\"finished\"", "Every service was re-evaluated")
			.doesNotContain("<html", "hx-trigger");
		assertThat(page(get("/scorecards/sp-progress/evaluation"), "sp-viewer")).hasStatus(HttpStatus.FOUND)
			.redirectedUrl()
			.isEqualTo("/scorecards/sp-progress");
	}

	@Test
	void revertingFromAVersionPageShowsWhatChangesAndPublishesACopy() {
		published("sp-revert", RUNBOOK);
		this.scorecards.saveDraft("sp-revert", content("sp-revert", "false", 0L), "test");
		this.scorecards.publish("sp-revert", "Stricter", "test");

		assertThat(page(get("/scorecards/sp-revert/versions/1"), "sp-member")).hasStatusOk()
			.bodyText()
			.contains("Revert to version 1", "What changes from version 2 to version 1", "data-field=\"expression\"");
		MvcTestResult reverted = page(post("/scorecards/sp-revert/revert").param("to", "1"), "sp-member");

		assertThat(reverted).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/scorecards/sp-revert");
		VersionSummary newest = this.scorecards.versions("sp-revert").get(0);
		assertThat(newest.number()).isEqualTo(3);
		assertThat(newest.revertedFrom()).isEqualTo(1);
		assertThat(page(get("/scorecards/sp-revert"), "sp-viewer")).bodyText().contains("reverted from version 1");
		assertThat(page(post("/scorecards/sp-revert/revert").param("to", "9"), "sp-member").getMvcResult().getFlashMap().get("flashError"))
			.asString()
			.contains("has no version 9");
	}

	@Test
	void theDiffShowsEachChangedFieldBeforeAndAfter() {
		published("sp-diff", RUNBOOK);
		this.scorecards.saveDraft("sp-diff", content("sp-diff", "service.tier <= 2", 0L), "test");

		assertThat(page(get("/scorecards/sp-diff/diff?from=1"), "sp-viewer")).hasStatusOk()
			.bodyText()
			.contains("Rules changed (1)", "data-field=\"expression\"", "service.links.runbook != &quot;&quot;",
					"service.tier &lt;= 2", "to <strong>draft</strong>");
		this.scorecards.publish("sp-diff", "Tier instead", "test");
		assertThat(page(get("/scorecards/sp-diff/diff?from=1&to=2"), "sp-viewer")).hasStatusOk()
			.bodyText()
			.contains("From <strong>version 1</strong> to <strong>version 2</strong>", "service.tier &lt;= 2");
		assertThat(page(get("/scorecards/sp-diff/diff?from=2&to=2"), "sp-viewer")).bodyText().contains("No difference");
	}

	@Test
	void theReportShowsHeatMapDistributionLeaderboardAndTrendForTheFilteredServices() {
		published("sp-report", RUNBOOK);
		awaitFinishedRun("sp-report");
		awaitLevel("sp-ready", "sp-report", 1, "silver");

		MvcTestResult report = page(get("/reports/scorecards?scorecard=sp-report&team=sp-team"), "sp-viewer");

		assertThat(report).hasStatusOk()
			.bodyText()
			.contains("data-service=\"sp-ready\"", "data-outcome=\"PASS\"", "Level distribution", "Team leaderboard",
					"data-team=\"sp-team\"", "class=\"trend-line\"")
			.doesNotContain("data-service=\"sp-bare\"");
		assertThat(page(get("/reports/scorecards?scorecard=sp-report&tier=3").header("HX-Request", "true"), "sp-viewer"))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"report\"", "data-service=\"sp-bare\"", "data-outcome=\"FAIL\"")
			.doesNotContain("<html", "data-service=\"sp-ready\"");
		assertThat(page(get("/reports/scorecards?scorecard=sp-report&team=nobody-here"), "sp-viewer")).hasStatusOk()
			.bodyText()
			.contains("No service matches these filters", "No team owns an evaluated service");
		assertThat(page(get("/reports/scorecards?scorecard=sp-no-such-scorecard"), "sp-viewer"))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void theReportPagesThroughServicesAndRanksTeamsByTheShareMeetingTheMinimumBar() {
		published("sp-ranking", RUNBOOK);
		awaitFinishedRun("sp-ranking");
		awaitLevel("sp-ready", "sp-ranking", 1, "silver");
		var scorecard = this.reports.scorecard("sp-ranking").orElseThrow();
		ReportFilter ours = new ReportFilter(null, null, null);

		var first = this.reports.heatMap(scorecard, new ReportFilter("sp-team", 1, "production"), PageRequest.of(0, 1));
		var second = this.reports.heatMap(scorecard, ours, PageRequest.of(1, 1));

		assertThat(first.rows().getContent()).extracting(HeatMapRow::service).contains("sp-ready");
		assertThat(first.rows().getContent().get(0).cells()).containsExactly(Outcome.PASS, Outcome.PASS, Outcome.UPCOMING);
		assertThat(second.rows().getContent()).hasSize(1);
		assertThat(second.rows().getTotalElements()).isGreaterThanOrEqualTo(2);
		List<String> ranking = this.reports.leaderboard(scorecard, ours).stream().map(TeamStanding::team).toList();
		assertThat(ranking).containsSubsequence("sp-team", "sp-other");
		TeamStanding ready = this.reports.leaderboard(scorecard, new ReportFilter("sp-team", null, null)).get(0);
		assertThat(ready.share()).isEqualTo(100.0);
		assertThat(ready.averageLevel()).isEqualTo(2.0);
	}

	/** A scorecard of sp-team: a bronze rule with the given expression, a silver coverage rule and an upcoming one. */
	private void draft(String key, String expression) {
		ScorecardForm content = content(key, expression, null);
		this.scorecards.create(new NewScorecardForm(key, content.name(), null, "sp-team", null, content.levels(),
				content.rules()), "test");
	}

	private void published(String key, String expression) {
		draft(key, expression);
		this.scorecards.publish(key, "First version", "test");
	}

	private static ScorecardForm content(String key, String expression, Long lockVersion) {
		Scorecard scorecard = new Scorecard(key, "Test " + key, null, null,
				List.of(new Level("bronze", "Bronze", true), new Level("silver", "Silver", false)),
				List.of(new Rule("has-runbook", "Has a runbook", null, "bronze", expression, "Add a runbook link", null),
						new Rule("covered", "Well covered", null, "silver", "service.facts.coverage >= 80.0", null, null),
						new Rule("signed", "Signed", null, "silver", "service.facts.signed == true", null,
								Instant.parse("2999-01-01T00:00:00Z"))));
		return ScorecardForm.of(scorecard, "sp-team", lockVersion);
	}

	/** The editor's form as a browser posts it: the content of {@link #content} with one expression. */
	private MockMvcRequestBuilder saveDraft(String key, long lockVersion, String expression) {
		return post("/scorecards/" + key + "/draft").param("lockVersion", String.valueOf(lockVersion))
			.param("name", "Test " + key)
			.param("ownerTeam", "sp-team")
			.param("levels[0].key", "bronze")
			.param("levels[0].name", "Bronze")
			.param("levels[0].blocking", "true")
			.param("levels[1].key", "silver")
			.param("levels[1].name", "Silver")
			.param("rules[0].key", "has-runbook")
			.param("rules[0].title", "Has a runbook")
			.param("rules[0].level", "bronze")
			.param("rules[0].expression", expression)
			.param("rules[1].key", "covered")
			.param("rules[1].title", "Well covered")
			.param("rules[1].level", "silver")
			.param("rules[1].expression", "service.facts.coverage >= 80.0")
			.param("save", "true");
	}

	private MockMvcRequestBuilder get(String uri) {
		return this.mvc.get().uri(uri);
	}

	private MockMvcRequestBuilder post(String uri) {
		return this.mvc.post().uri(uri).with(csrf());
	}

	private static MvcTestResult page(MockMvcRequestBuilder request, String username) {
		return request.with(as(username)).exchange();
	}

	private void awaitLevel(String service, String scorecard, int version, String level) {
		await().atMost(RESULTS_WITHIN).untilAsserted(() -> {
			var result = this.results.forService(service)
				.stream()
				.filter((r) -> r.scorecardKey().equals(scorecard))
				.findFirst()
				.orElseThrow();
			assertThat(result.pending()).isFalse();
			assertThat(result.version()).isEqualTo(version);
			assertThat(result.level()).isEqualTo(level);
		});
	}

	private void awaitFinishedRun(String key) {
		long id = this.scorecards.scorecardId(key).orElseThrow();
		await().atMost(RESULTS_WITHIN).until(() -> this.runs.latest(id).map(EvaluationRuns.RunView::finished).orElse(false));
	}

	private static RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.user(username).roles("VIEWER");
	}
}
