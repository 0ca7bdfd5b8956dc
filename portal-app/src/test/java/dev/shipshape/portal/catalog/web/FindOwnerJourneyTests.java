package dev.shipshape.portal.catalog.web;

import java.util.List;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.LinkForm;
import dev.shipshape.catalog.PersonForm;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
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

/** An engineer signs in, searches for a service, opens it and finds who owns it and who is on call. */
@BrowserTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FindOwnerJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	UserAccounts accounts;

	@BeforeEach
	void catalog() {
		TestUsers.ensure(this.accounts, "journey-engineer", Role.VIEWER);
		if (this.catalog.findService("journey-checkout").isEmpty()) {
			this.catalog.createPerson(new PersonForm("journey.owner", "Jo Owner", "jo@example.com", null, null));
			this.catalog.createTeam(new TeamForm("journey-owners", "Journey Owners", "payments@example.com",
					"#journey-owners", null, null, List.of("journey.owner"), null));
			this.catalog.createService(new ServiceForm("journey-checkout", "Checkout", "Takes the money",
					"journey-owners", 1, "production", "shop", List.of("java"),
					List.of(new LinkForm("oncall", "https://oncall.example/schedules/journey-owners", "PagerDuty"),
							new LinkForm("runbook", "https://runbooks.example/journey-checkout", "Runbook")),
					List.of(), null));
		}
	}

	@Test
	void findsTheOwnerAndOnCallOfAServiceInTwoClicks(Browser browser) {
		browser.at("http://localhost:" + this.port).signIn("journey-engineer", TestUsers.PASSWORD);

		browser.type(By.id("home-search"), "journey-check");
		browser.click(By.cssSelector("form[role=search] button[type=submit]"));
		browser.click(By.linkText("journey-checkout"));

		assertThat(browser.text(By.id("service-owner"))).contains("Journey Owners");
		assertThat(browser.text(By.id("ownership"))).contains("payments@example.com", "#journey-owners", "Jo Owner");
		assertThat(browser.waitFor(By.cssSelector("#service-oncall a")).getAttribute("href"))
			.isEqualTo("https://oncall.example/schedules/journey-owners");
		assertThat(browser.waitFor(By.cssSelector("#service-runbook a")).getAttribute("href"))
			.isEqualTo("https://runbooks.example/journey-checkout");
	}

	@Test
	void liveSearchNarrowsTheServiceList(Browser browser) {
		browser.at("http://localhost:" + this.port).signIn("journey-engineer", TestUsers.PASSWORD);

		browser.open("/services");
		browser.type(By.id("filter-q"), "journey-check");

		browser.waitForText(By.id("service-results"), "journey-checkout");
		assertThat(browser.findAll(By.cssSelector("#services-table tbody tr"))).hasSize(1);
	}
}
