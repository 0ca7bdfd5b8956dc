package dev.shipshape.portal.audit;

import java.net.URI;
import java.util.List;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.TestUsers;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The audit page and API with their filters, who may read them, and the history on an object's page. */
@SpringBootTest
@AutoConfigureMockMvc
class AuditPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	UserAccounts accounts;

	@BeforeEach
	void serviceChangedTwice() {
		TestUsers.ensure(this.accounts, "ap-admin", Role.ADMIN);
		TestUsers.ensure(this.accounts, "ap-viewer", Role.VIEWER);
		if (this.catalog.findService("ap-ledger").isEmpty()) {
			this.catalog.createTeam(new TeamForm("ap-team", null, null, null, null, null, List.of(), null));
			this.catalog.createService(new ServiceForm("ap-ledger", null, null, "ap-team", 3, "production", null, null,
					null, null, null));
			this.catalog.updateService("ap-ledger", new ServiceForm("ap-ledger", "Ledger", null, "ap-team", 1,
					"production", null, null, null, null, null));
		}
	}

	@Test
	void theApiFiltersByObjectAndActionAndPagesNewestFirst() {
		MvcTestResult newest = api("/api/v1/audit?objectType=service&objectId=AP-LEDGER&size=1", "ap-admin");

		assertThat(newest).hasStatusOk().bodyJson().extractingPath("$.totalItems").isEqualTo(2);
		assertThat(newest).bodyJson().extractingPath("$.totalPages").isEqualTo(2);
		assertThat(newest).bodyJson().extractingPath("$.items[0].action").isEqualTo("service.updated");
		assertThat(newest).bodyJson()
			.extractingPath("$.items[0].summary")
			.isEqualTo("Changed service 'ap-ledger': title, tier");
		assertThat(newest).bodyJson().extractingPath("$.items[0].before.tier").isEqualTo(3);
		assertThat(newest).bodyJson().extractingPath("$.items[0].after.tier").isEqualTo(1);
		assertThat(api("/api/v1/audit?objectId=ap-ledger&action=service.*&order=oldest", "ap-admin")).bodyJson()
			.extractingPath("$.items[*].action")
			.isEqualTo(List.of("service.created", "service.updated"));
		assertThat(api("/api/v1/audit?objectId=ap-ledger&action=service.deleted", "ap-admin")).bodyJson()
			.extractingPath("$.totalItems")
			.isEqualTo(0);
	}

	@Test
	void badFiltersAreRefusedNamingTheField() {
		assertThat(api("/api/v1/audit?from=yesterday&order=sideways", "ap-admin")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.isEqualTo(List.of("from", "order"));
		assertThat(this.mvc.get()
			.uri(URI.create("/api/v1/audit?actor=%27%20OR%201%3D1%20--&objectId=%25&action=%25_*"))
			.with(httpBasic("ap-admin", TestUsers.PASSWORD))
			.exchange()).hasStatusOk()
			.bodyJson()
			.extractingPath("$.totalItems")
			.isEqualTo(0);
	}

	@Test
	void onlyAdministratorsAndSresReadTheWholeTrailAndARefusalIsRecorded() {
		assertThat(api("/api/v1/audit", "ap-viewer")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.get().uri("/audit").with(page("ap-viewer", "VIEWER")).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);

		assertThat(api("/api/v1/audit?actor=ap-viewer&action=access.denied", "ap-admin")).bodyJson()
			.extractingPath("$.items[0].after.path")
			.isEqualTo("/api/v1/audit");
	}

	@Test
	void theAuditPageListsWhatMatchesWithItsChangesAndExports() {
		assertThat(this.mvc.get().uri("/audit?objectType=service&objectId=ap-ledger").with(page("ap-admin", "ADMIN")).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("Audit trail", "data-action=\"service.updated\"", "data-action=\"service.created\"",
					"Changed service &#39;ap-ledger&#39;: title, tier", "data-field=\"tier\"",
					"/audit/export?objectType=service&amp;objectId=ap-ledger&amp;format=csv");
		assertThat(this.mvc.get().uri("/audit?actor=nobody-at-all").with(page("ap-admin", "ADMIN")).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("No event matches these filters.");
		assertThat(this.mvc.get().uri("/audit?from=someday").with(page("ap-admin", "ADMIN")).exchange()).hasStatusOk()
			.bodyText()
			.contains("is neither a day");
	}

	@Test
	void everyoneSeesTheHistoryOfAServiceOnItsPage() {
		assertThat(this.mvc.get().uri("/services/ap-ledger").with(page("ap-viewer", "VIEWER")).exchange()).hasStatusOk()
			.bodyText()
			.contains("hx-get=\"/services/ap-ledger/history\"");
		assertThat(this.mvc.get()
			.uri("/services/ap-ledger/history")
			.header("HX-Request", "true")
			.with(page("ap-viewer", "VIEWER"))
			.exchange()).hasStatusOk()
			.bodyText()
			.contains("id=\"audit-history\"", "Created service &#39;ap-ledger&#39;", "data-field=\"tier\"")
			.doesNotContain("<html");
		assertThat(this.mvc.get().uri("/services/ap-ledger/history").with(page("ap-viewer", "VIEWER")).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("<html", "Audit trail of service ap-ledger", "Changed service &#39;ap-ledger&#39;: title, tier");
	}

	@Test
	void scorecardsAndExceptionsHaveAHistoryEvenBeforeAnythingHappened() {
		assertThat(this.mvc.get()
			.uri("/scorecards/ap-nothing-yet/history")
			.header("HX-Request", "true")
			.with(page("ap-viewer", "VIEWER"))
			.exchange()).hasStatusOk().bodyText().contains("data-empty-state", "No change of this scorecard is recorded.");
		assertThat(this.mvc.get()
			.uri("/exceptions/EX-999999/history")
			.header("HX-Request", "true")
			.with(page("ap-viewer", "VIEWER"))
			.exchange()).hasStatusOk().bodyText().contains("No change of this exception is recorded.");
	}

	private MvcTestResult api(String uri, String user) {
		return this.mvc.get().uri(uri).with(httpBasic(user, TestUsers.PASSWORD)).exchange();
	}

	private static RequestPostProcessor page(String username, String role) {
		return user(username).roles(role);
	}
}
