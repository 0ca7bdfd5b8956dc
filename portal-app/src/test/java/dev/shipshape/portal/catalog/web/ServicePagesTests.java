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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@SpringBootTest
@AutoConfigureMockMvc
class ServicePagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	UserAccounts accounts;

	@BeforeEach
	void catalog() {
		TestUsers.ensure(this.accounts, "page-member", Role.VIEWER);
		TestUsers.ensure(this.accounts, "page-viewer", Role.VIEWER);
		if (this.catalog.findTeam("page-team").isEmpty()) {
			this.catalog.createPerson(new PersonForm("page-member", null, null, null, null));
			this.catalog.createTeam(new TeamForm("page-team", "Page Team", "page-team@example.com", "#page-team", null,
					null, List.of("page-member"), null));
			this.catalog.createService(new ServiceForm("page-service", "Page service", null, "page-team", 2,
					"production", null, List.of("web"),
					List.of(new LinkForm("oncall", "https://oncall.example/page-team", null)), null, null));
			this.catalog.createService(new ServiceForm("page-stray", null, null, null, null, null, null, null, null,
					null, null));
		}
	}

	@Test
	void signInIsRequiredToRead() {
		assertThat(this.mvc.get().uri("/services").exchange()).hasStatus(HttpStatus.FOUND)
			.redirectedUrl()
			.endsWith("/login");
	}

	@Test
	void theServiceListShowsOwners() {
		assertThat(this.mvc.get().uri("/services?q=page-").with(as("page-viewer")).exchange()).hasStatusOk()
			.bodyText()
			.contains("page-service", "Page Team", "Unowned");
	}

	@Test
	void anHtmxSearchGetsOnlyTheResults() {
		MvcTestResult result = this.mvc.get()
			.uri("/services?q=page-service")
			.header("HX-Request", "true")
			.with(as("page-viewer"))
			.exchange();

		assertThat(result).hasStatusOk().bodyText().contains("page-service").doesNotContain("<html", "page-stray");
	}

	@Test
	void theServicePageShowsOwnerAndOnCall() {
		assertThat(this.mvc.get().uri("/services/page-service").with(as("page-viewer")).exchange()).hasStatusOk()
			.bodyText()
			.contains("page-team@example.com", "#page-team", "https://oncall.example/page-team", "no runbook");
	}

	@Test
	void unownedServicesAreListedAsNeedingAttention() {
		assertThat(this.mvc.get().uri("/services/unowned").with(as("page-viewer")).exchange()).hasStatusOk()
			.bodyText()
			.contains("page-stray")
			.doesNotContain("page-service");
	}

	@Test
	void anUnknownServiceGetsTheNotFoundPage() {
		assertThat(this.mvc.get().uri("/services/no-such-page-service").with(as("page-viewer")).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void anInvalidFormIsShownAgainWithTheInputAndFieldErrors() {
		MvcTestResult result = this.mvc.post()
			.uri("/services")
			.with(as("page-member"))
			.with(csrf())
			.param("name", "bad name")
			.param("title", "My title is kept")
			.param("owner", "page-team")
			.param("runbookUrl", "not a url")
			.exchange();

		assertThat(result).hasStatusOk().bodyText().contains("My title is kept", "is-invalid", "must be an http(s)");
		assertThat(this.catalog.findService("bad name")).isEmpty();
	}

	@Test
	void aMemberCreatesAServiceOfTheirTeamThroughTheForm() {
		MvcTestResult result = this.mvc.post()
			.uri("/services")
			.with(as("page-member"))
			.with(csrf())
			.param("name", "page-created")
			.param("owner", "page-team")
			.param("tags", "java, web")
			.param("runbookUrl", "https://runbooks.example/page-created")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/services/page-created");
		assertThat(this.catalog.findService("page-created").orElseThrow().tags()).containsExactly("java", "web");
	}

	@Test
	void aFormForAnotherTeamIsRefusedOnTheOwnerField() {
		MvcTestResult result = this.mvc.post()
			.uri("/services")
			.with(as("page-viewer"))
			.with(csrf())
			.param("name", "page-not-mine")
			.param("owner", "page-team")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.FORBIDDEN).bodyText().contains("only for a team you belong to");
		assertThat(this.catalog.findService("page-not-mine")).isEmpty();
	}

	@Test
	void aFormWithoutCsrfTokenIsRefused() {
		assertThat(this.mvc.post().uri("/services").with(as("page-member")).param("name", "page-no-csrf").exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.catalog.findService("page-no-csrf")).isEmpty();
	}

	@Test
	void aViewerCannotEditAnotherTeamsService() {
		assertThat(this.mvc.get().uri("/services/page-service/edit").with(as("page-viewer")).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theTeamPageListsMembersAndServices() {
		assertThat(this.mvc.get().uri("/teams/page-team").with(as("page-viewer")).exchange()).hasStatusOk()
			.bodyText()
			.contains("page-member", "page-service");
	}

	private static RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.user(username).roles("VIEWER");
	}
}
