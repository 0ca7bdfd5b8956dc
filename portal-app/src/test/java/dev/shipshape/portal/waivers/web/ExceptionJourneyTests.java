package dev.shipshape.portal.waivers.web;

import java.util.List;
import java.util.Map;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.LinkForm;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.releases.ReleaseForm;
import dev.shipshape.portal.releases.Releases;
import dev.shipshape.portal.scorecards.NewScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardManagement;
import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
import dev.shipshape.testsupport.browser.Browser;
import dev.shipshape.testsupport.browser.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A release is blocked by a failing rule; an engineer requests an exception from the release page,
 * an SRE approves it, and the release page shows the release ready, with the exception's expiry.
 */
@BrowserTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ExceptionJourneyTests {

	private static final String SERVICE = "journey-payments-api";

	private static final String RELEASE_PAGE = "/services/" + SERVICE + "/releases/2.4.0";

	private static final By VERDICT = By.cssSelector("#verdict-banner .fs-3");

	@LocalServerPort
	int port;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	ScorecardManagement scorecards;

	@Autowired
	Releases releases;

	@Autowired
	UserAccounts accounts;

	@BeforeEach
	void blockedRelease() {
		TestUsers.ensure(this.accounts, "journey-engineer", Role.VIEWER);
		TestUsers.ensure(this.accounts, "journey-sre", Role.SRE);
		if (this.catalog.findService(SERVICE).isPresent()) {
			return;
		}
		this.catalog.createTeam(new TeamForm("journey-waivers", null, null, null, null, null, List.of(), null));
		this.catalog.createService(new ServiceForm(SERVICE, null, null, "journey-waivers", 1, "production", null,
				List.of(), List.of(new LinkForm("runbook", "https://runbooks.example/" + SERVICE, null)), List.of(), null));
		this.scorecards.create(new NewScorecardForm("journey-release-gate", "Release gate", null, "journey-waivers",
				"service.name == \"" + SERVICE + "\"", List.of(new ScorecardForm.LevelForm("bronze", "Minimum bar", true)),
				List.of(new ScorecardForm.RuleForm("tests-passed", "Integration tests passed", null, "bronze",
						"release.facts.testsPassed == true", "Make the integration tests pass", null))),
				"journey-sre");
		this.scorecards.publish("journey-release-gate", "v1", "journey-sre");
		this.releases.register(SERVICE, new ReleaseForm("2.4.0", "abc123", "production", Map.of("testsPassed", false)),
				"journey-sre");
	}

	@Test
	void anEngineerRequestsAnExceptionFromTheFailingRuleAndAnSreApprovalMakesTheReleaseReady(Browser browser) {
		browser.at("http://localhost:" + this.port).signIn("journey-engineer", TestUsers.PASSWORD);
		browser.open(RELEASE_PAGE);
		assertThat(browser.text(VERDICT)).isEqualTo("BLOCKED");

		browser.click(By.cssSelector("#blocking-failures [data-rule='tests-passed'] a.request-exception"));
		assertThat(browser.waitFor(By.id("rule")).getAttribute("value")).isEqualTo("tests-passed");
		assertThat(browser.waitFor(By.id("release")).getAttribute("value")).isEqualTo("2.4.0");
		browser.type(By.id("reason"), "The flaky payment-provider sandbox fails the suite; the change is a copy edit");
		browser.type(By.id("riskAssessment"), "Low: no payment code changed");
		browser.type(By.id("followUp"), "https://tickets.example/PAY-42");
		// Enter sends the form, as the submit button below it would.
		browser.type(By.id("durationDays"), "3" + Keys.ENTER);

		String id = browser.text(By.id("exception-id"));
		assertThat(id).startsWith("EX-");
		assertThat(browser.text(By.cssSelector(".exception-status"))).isEqualTo("REQUESTED");
		browser.open(RELEASE_PAGE);
		assertThat(browser.text(VERDICT)).as("a request alone waives nothing").isEqualTo("BLOCKED");

		browser.signIn("journey-sre", TestUsers.PASSWORD);
		browser.open("/exceptions/queue");
		browser.click(By.linkText(id));
		browser.type(By.id("approve-comment"), "Agreed, fix the sandbox this week");
		browser.click(By.id("approve"));
		assertThat(browser.waitForText(By.cssSelector(".alert-success"), "approved")).contains(id);
		assertThat(browser.text(By.id("exception-expiry"))).startsWith("In force until");

		browser.open(RELEASE_PAGE);
		assertThat(browser.text(VERDICT)).isEqualTo("READY");
		String waived = browser.text(By.cssSelector("#waived-rules [data-rule='tests-passed']"));
		assertThat(waived).contains("Waived by exception " + id, "until", "in 3 days");
	}
}
