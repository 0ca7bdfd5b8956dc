package dev.shipshape.portal.catalog.web;

import java.util.List;

import dev.shipshape.catalog.CatalogManagement;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

@SpringBootTest
@AutoConfigureMockMvc
class ServiceApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	UserAccounts accounts;

	@BeforeEach
	void catalogWithTwoTeams() {
		TestUsers.ensure(this.accounts, "api-admin", Role.ADMIN);
		TestUsers.ensure(this.accounts, "api-member", Role.VIEWER);
		TestUsers.ensure(this.accounts, "api-outsider", Role.VIEWER);
		if (this.catalog.findTeam("api-owners").isEmpty()) {
			this.catalog.createPerson(new PersonForm("api-member", "Member", null, null, null));
			this.catalog.createTeam(new TeamForm("api-owners", "Owners", "owners@example.com", "#owners", null, null,
					List.of("api-member"), null));
			this.catalog.createTeam(new TeamForm("api-others", null, null, null, null, null, List.of(), null));
		}
	}

	@Test
	void aMemberCreatesReadsUpdatesAndDeletesAServiceOfTheirTeam() {
		MvcTestResult created = post("api-member", """
				{"name": "api-crud", "title": "CRUD", "owner": "api-owners", "tier": 2, "lifecycle": "production",
				 "tags": ["java"], "links": [{"type": "runbook", "url": "https://runbooks.example/api-crud"}]}""");
		assertThat(created).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/v1/services/api-crud");
		assertThat(created).bodyJson().extractingPath("$.owner.name").isEqualTo("api-owners");

		MvcTestResult read = this.mvc.get().uri("/api/v1/services/API-CRUD").with(basic("api-outsider")).exchange();
		assertThat(read).hasStatusOk().bodyJson().extractingPath("$.links[0].type").isEqualTo("runbook");

		MvcTestResult updated = put("api-member", "/api/v1/services/api-crud", """
				{"name": "api-crud", "title": "Renamed title", "owner": "api-owners", "version": 0}""");
		assertThat(updated).hasStatusOk().bodyJson().extractingPath("$.title").isEqualTo("Renamed title");

		assertThat(this.mvc.delete().uri("/api/v1/services/api-crud").with(basic("api-member")).exchange())
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.catalog.findService("api-crud")).isEmpty();
	}

	@Test
	void listsWithFiltersAndPagination() {
		for (int i = 0; i < 3; i++) {
			this.catalog.createService(new ServiceForm("api-list-" + i, null, null, "api-others", 3, "experimental", null,
					List.of("listed"), null, null, null));
		}
		MvcTestResult page = this.mvc.get()
			.uri("/api/v1/services?tag=listed&owner=api-others&tier=3&lifecycle=experimental&size=2&page=1")
			.with(basic("api-outsider"))
			.exchange();

		assertThat(page).hasStatusOk().bodyJson().extractingPath("$.totalItems").isEqualTo(3);
		assertThat(page).bodyJson().extractingPath("$.items[0].name").isEqualTo("api-list-2");
		assertThat(page).bodyJson().extractingPath("$.totalPages").isEqualTo(2);
	}

	@Test
	void showsDependenciesAndDependents() {
		this.catalog.createService(new ServiceForm("api-db", null, null, null, null, null, null, null, null, null, null));
		this.catalog.createService(new ServiceForm("api-app", null, null, null, null, null, null, null, null,
				List.of("api-db"), null));

		assertThat(this.mvc.get().uri("/api/v1/services/api-db/dependents").with(basic("api-outsider")).exchange())
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].name")
			.isEqualTo("api-app");
		assertThat(this.mvc.get().uri("/api/v1/services/api-app/dependencies").with(basic("api-outsider")).exchange())
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].name")
			.isEqualTo("api-db");
	}

	@Test
	void refusesAnInvalidNameNamingTheField() {
		MvcTestResult result = post("api-admin", """
				{"name": "bad name!"}""");

		assertProblem(result, HttpStatus.BAD_REQUEST, "invalid-request");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
	}

	@Test
	void refusesADuplicateNameInAnyLetterCase() {
		assertThat(post("api-admin", """
				{"name": "api-dup"}""")).hasStatus(HttpStatus.CREATED);

		MvcTestResult duplicate = post("api-admin", """
				{"name": "API-Dup"}""");
		assertProblem(duplicate, HttpStatus.CONFLICT, "duplicate-name");
		assertThat(duplicate).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
	}

	@Test
	void refusesAnUnknownOwnerAndWritesNothing() {
		MvcTestResult result = post("api-admin", """
				{"name": "api-orphan", "owner": "no-such-team"}""");

		assertProblem(result, HttpStatus.BAD_REQUEST, "invalid-request");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("owner");
		assertThat(this.catalog.findService("api-orphan")).isEmpty();
	}

	@Test
	void refusesMalformedJsonWithItsPosition() {
		MvcTestResult result = post("api-admin", "{\"name\": \"api-broken\", ");

		assertProblem(result, HttpStatus.BAD_REQUEST, "invalid-request");
		assertThat(result).bodyJson().extractingPath("$.errors[0].message").asString().contains("line 1");
		assertThat(this.catalog.findService("api-broken")).isEmpty();
	}

	@Test
	void refusesAWrongTypeNamingTheField() {
		MvcTestResult result = post("api-admin", """
				{"name": "api-typed", "tier": "high"}""");

		assertProblem(result, HttpStatus.BAD_REQUEST, "invalid-request");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("tier");
		assertThat(result).bodyJson().extractingPath("$.errors[0].message").asString().startsWith("must be a number");
	}

	@Test
	void refusesAListWhereAnObjectBelongsSpeakingJson() {
		MvcTestResult result = post("api-admin", "[1]");

		assertProblem(result, HttpStatus.BAD_REQUEST, "invalid-request");
		assertThat(result).bodyJson().extractingPath("$.errors[0].message").asString()
			.startsWith("must be a JSON object")
			.doesNotContain("dev.shipshape", "java.");
	}

	@Test
	void refusesAnUnknownField() {
		MvcTestResult result = post("api-admin", """
				{"name": "api-unknown-field", "owners": "api-owners"}""");

		assertProblem(result, HttpStatus.BAD_REQUEST, "invalid-request");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("owners");
		assertThat(result).bodyJson().extractingPath("$.errors[0].message").asString()
			.contains("is not a field of this request", "owner")
			.doesNotContain("ServiceForm");
	}

	@Test
	void refusesAnOversizedBody() {
		String huge = "{\"name\": \"api-huge\", \"description\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";

		assertProblem(post("api-admin", huge), HttpStatus.CONTENT_TOO_LARGE, "too-large");
		assertThat(this.catalog.findService("api-huge")).isEmpty();
	}

	@Test
	void answersAnUnknownServiceWithNotFound() {
		assertProblem(this.mvc.get().uri("/api/v1/services/no-such-service").with(basic("api-outsider")).exchange(),
				HttpStatus.NOT_FOUND, "not-found");
	}

	@Test
	void refusesAStaleUpdate() {
		post("api-admin", """
				{"name": "api-stale"}""");
		assertThat(put("api-admin", "/api/v1/services/api-stale", """
				{"name": "api-stale", "title": "first", "version": 0}""")).hasStatusOk();

		MvcTestResult stale = put("api-admin", "/api/v1/services/api-stale", """
				{"name": "api-stale", "title": "second", "version": 0}""");
		assertProblem(stale, HttpStatus.CONFLICT, "stale-version");
		assertThat(this.catalog.findService("api-stale").orElseThrow().title()).isEqualTo("first");
	}

	@Test
	void requiresTheVersionOnReplace() {
		post("api-admin", """
				{"name": "api-versionless"}""");

		MvcTestResult result = put("api-admin", "/api/v1/services/api-versionless", """
				{"name": "api-versionless", "title": "blind"}""");
		assertProblem(result, HttpStatus.BAD_REQUEST, "invalid-request");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("version");
	}

	@Test
	void patchesOnlyTheGivenFields() {
		post("api-admin", """
				{"name": "api-patched", "title": "Kept", "tier": 4, "tags": ["a"]}""");

		MvcTestResult result = this.mvc.patch()
			.uri("/api/v1/services/api-patched")
			.with(basic("api-admin"))
			.contentType(MediaType.valueOf("application/merge-patch+json"))
			.content("{\"tier\": 2, \"tags\": null}")
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Kept");
		assertThat(result).bodyJson().extractingPath("$.tier").isEqualTo(2);
		assertThat(result).bodyJson().extractingPath("$.tags").asArray().isEmpty();
	}

	@Test
	void aViewerCannotCreateAServiceForATeamTheyAreNotIn() {
		assertProblem(post("api-outsider", """
				{"name": "api-not-mine", "owner": "api-owners"}"""), HttpStatus.FORBIDDEN, "forbidden");
		assertThat(this.catalog.findService("api-not-mine")).isEmpty();
	}

	@Test
	void aMemberCannotEditAnotherTeamsServiceNorHandTheirsToATeamTheyAreNotIn() {
		this.catalog.createService(new ServiceForm("api-theirs", null, null, "api-others", null, null, null, null, null,
				null, null));
		this.catalog.createService(new ServiceForm("api-ours", null, null, "api-owners", null, null, null, null, null,
				null, null));

		assertProblem(put("api-member", "/api/v1/services/api-theirs", """
				{"name": "api-theirs", "title": "hijack", "owner": "api-others", "version": 0}"""), HttpStatus.FORBIDDEN,
				"forbidden");
		assertProblem(put("api-member", "/api/v1/services/api-ours", """
				{"name": "api-ours", "owner": "api-others", "version": 0}"""), HttpStatus.FORBIDDEN, "forbidden");
		assertThat(this.catalog.findService("api-ours").orElseThrow().owner().name()).isEqualTo("api-owners");
	}

	@Test
	void anAdministratorMayEditAnyService() {
		this.catalog.createService(new ServiceForm("api-any", null, null, "api-others", null, null, null, null, null,
				null, null));

		assertThat(put("api-admin", "/api/v1/services/api-any", """
				{"name": "api-any", "owner": "api-owners", "version": 0}""")).hasStatusOk();
	}

	@Test
	void anonymousCallsGetAProblemNotAPage() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/services").exchange();

		assertProblem(result, HttpStatus.UNAUTHORIZED, "unauthenticated");
		assertThat(result).hasHeader("WWW-Authenticate", "Basic realm=\"Shipshape\"");
	}

	@Test
	void anUnknownApiPathAnswersWithAProblemNotHtml() {
		assertProblem(this.mvc.get().uri("/api/v1/no-such-thing").with(basic("api-outsider")).exchange(),
				HttpStatus.NOT_FOUND, "no-such-endpoint");
	}

	private MvcTestResult post(String user, String json) {
		return this.mvc.post()
			.uri("/api/v1/services")
			.with(basic(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	private MvcTestResult put(String user, String uri, String json) {
		return this.mvc.put().uri(uri).with(basic(user)).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor basic(String user) {
		return httpBasic(user, TestUsers.PASSWORD);
	}

	static void assertProblem(MvcTestResult result, HttpStatus status, String type) {
		assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://shipshape.dev/problems/" + type);
	}
}
