package dev.shipshape.portal.scorecards.web;

import java.time.Duration;
import java.util.List;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.LinkForm;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.scorecards.NewScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardManagement;
import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
import dev.shipshape.scorecard.Level;
import dev.shipshape.scorecard.Rule;
import dev.shipshape.scorecard.Scorecard;
import dev.shipshape.testsupport.browser.Browser;
import dev.shipshape.testsupport.browser.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform team changes a rule in the web editor, previews the change, publishes it, sees the
 * service's card follow, then reverts, and the earlier result is back.
 */
@BrowserTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ScorecardChangeJourneyTests {

	private static final String SCORECARD = "journey-readiness";

	private static final By RUNBOOK_RESULT = By
		.cssSelector("[data-scorecard='" + SCORECARD + "'] [data-rule='has-runbook']");

	private static final By FLASH = By.cssSelector(".alert-success[role=status]");

	@LocalServerPort
	int port;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	ScorecardManagement scorecards;

	@Autowired
	UserAccounts accounts;

	@BeforeEach
	void scorecard() {
		TestUsers.ensure(this.accounts, "journey-admin", Role.ADMIN);
		if (this.scorecards.find(SCORECARD).isEmpty()) {
			this.catalog.createTeam(new TeamForm("journey-platform", "Journey Platform", null, null, null, null, List.of(),
					null));
			this.catalog.createService(new ServiceForm("journey-scored", null, null, "journey-platform", 2, "production",
					null, List.of(), List.of(new LinkForm("runbook", "https://runbooks.example/journey-scored", null)),
					List.of(), null));
			Scorecard scorecard = new Scorecard(SCORECARD, "Journey readiness", null, null,
					List.of(new Level("bronze", "Bronze", true)), List.of(new Rule("has-runbook", "Has a runbook", null,
							"bronze", "service.links.runbook != \"\"", "Link the runbook", null)));
			this.scorecards.create(NewScorecardForm.of(scorecard, "journey-platform"), "journey-admin");
			this.scorecards.publish(SCORECARD, "First version", "journey-admin");
		}
	}

	@Test
	void editPreviewPublishAndRevertARule(Browser browser) {
		browser.at("http://localhost:" + this.port).signIn("journey-admin", TestUsers.PASSWORD);
		awaitOutcome(browser, "PASS");

		browser.open("/scorecards/" + SCORECARD + "/draft");
		browser.type(By.name("rules[0].expression"), "service.links.runbook == \"\"");
		browser.click(By.id("save-draft"));
		browser.waitForText(FLASH, "Draft saved.");

		browser.click(By.id("preview-link"));
		assertThat(browser.waitForText(By.id("impact-headline"), "newly fail")).contains("the minimum bar");
		assertThat(browser.text(By.cssSelector("#impact-table [data-service='journey-scored']"))).contains("Has a runbook");

		browser.type(By.id("publish-note"), "Runbooks are out");
		browser.click(By.cssSelector("#publish-form button[type=submit]"));
		browser.waitForText(FLASH, "Version 2 published");
		browser.waitForText(By.id("evaluation-progress"), "Every service was re-evaluated");
		awaitOutcome(browser, "FAIL");

		browser.open("/scorecards/" + SCORECARD);
		browser.click(By.cssSelector("[data-revert='1']"));
		assertThat(browser.text(By.id("scorecard-diff"))).contains("service.links.runbook == \"\"");
		browser.click(By.cssSelector("#revert-form button[type=submit]"));
		browser.waitForText(FLASH, "Version 1 is back in force as version 3");
		awaitOutcome(browser, "PASS");
	}

	/** Opens the service page until its card shows the outcome: results are recomputed in the background. */
	private static void awaitOutcome(Browser browser, String outcome) {
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			browser.open("/services/journey-scored");
			assertThat(browser.waitFor(RUNBOOK_RESULT).getAttribute("data-outcome")).isEqualTo(outcome);
		});
	}
}
