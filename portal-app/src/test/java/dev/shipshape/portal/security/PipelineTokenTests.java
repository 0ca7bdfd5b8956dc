package dev.shipshape.portal.security;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.LinkForm;
import dev.shipshape.catalog.PersonForm;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.releases.ReleaseForm;
import dev.shipshape.portal.releases.Releases;
import dev.shipshape.portal.scorecards.NewScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardManagement;
import dev.shipshape.portal.tokens.ApiTokens;
import dev.shipshape.portal.tokens.CreatedToken;
import dev.shipshape.waivers.ExceptionTarget;
import dev.shipshape.waivers.ExceptionTerms;
import dev.shipshape.waivers.WaiverManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pipeline's token with {@code releases:write}, {@code facts:write} and {@code readiness:read}
 * registers a release, pushes facts and calls the gate, and can do nothing else. It belongs to a
 * release manager's service account that the team lists among its members, so that the account
 * itself could do much more: only the scopes hold it back.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PipelineTokenTests {

	private static final String ACCOUNT = "pipe-ci";

	private static final String SERVICE = "/api/v1/services/pipe-service";

	private static final String CARD = "/api/v1/scorecards/pipe-card";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	ScorecardManagement scorecards;

	@Autowired
	Releases releases;

	@Autowired
	WaiverManagement exceptions;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	CreatedToken token;

	@BeforeEach
	void pipelineOfATeam() {
		TestUsers.ensure(this.accounts, "pipe-admin", Role.ADMIN);
		TestUsers.ensure(this.accounts, "pipe-dev", Role.VIEWER);
		if (!this.accounts.exists(ACCOUNT)) {
			this.accounts.createServiceAccount(ACCOUNT, "Pipeline of the pipe team", EnumSet.of(Role.RELEASE_MANAGER));
			this.catalog.createPerson(new PersonForm(ACCOUNT, null, null, null, null));
			this.catalog.createPerson(new PersonForm("pipe-dev", null, null, null, null));
			this.catalog.createTeam(new TeamForm("pipe-team", null, null, null, null, null, List.of(ACCOUNT, "pipe-dev"), null));
			this.catalog.createService(new ServiceForm("pipe-service", null, null, "pipe-team", 1, "production", null,
					List.of(), List.of(new LinkForm("runbook", "https://runbooks.example/pipe", null)), List.of(), null));
			this.scorecards.create(new NewScorecardForm("pipe-card", "Pipeline gate", null, "pipe-team", null,
					List.of(new ScorecardForm.LevelForm("bronze", "Minimum bar", true)),
					List.of(new ScorecardForm.RuleForm("tests-passed", "Tests passed", null, "bronze",
							"release.facts.testsPassed == true", null, null),
							new ScorecardForm.RuleForm("covered", "Coverage of 80%", null, "bronze",
									"service.facts.coverage >= 80.0", null, null))),
					"pipe-admin");
			this.scorecards.publish("pipe-card", "v1", "pipe-admin");
		}
		this.token = this.tokens.create(ACCOUNT, "pipe-admin", "pipeline",
				EnumSet.of(TokenScope.RELEASES_WRITE, TokenScope.FACTS_WRITE, TokenScope.READINESS_READ), null);
	}

	@Test
	void registersAReleasePushesFactsAndCallsTheGate() throws Exception {
		assertThat(call(HttpMethod.POST, SERVICE + "/releases", """
				{"version": "1.0.0", "commit": "9fceb02", "environment": "production", "facts": {"testsPassed": true}}""")
			.getStatus()).isEqualTo(201);
		assertThat(call(HttpMethod.POST, SERVICE + "/releases/1.0.0/gate", null).getStatus())
			.as("blocked while the coverage is unknown")
			.isEqualTo(409);

		assertThat(call(HttpMethod.PATCH, SERVICE + "/facts", "{\"coverage\": 91.5}").getStatus()).isEqualTo(200);
		assertThat(call(HttpMethod.PATCH, SERVICE + "/releases/1.0.0", "{\"facts\": {\"changeTicket\": \"CHG-7\"}}")
			.getStatus()).isEqualTo(200);
		MockHttpServletResponse readiness = call(HttpMethod.GET, SERVICE + "/releases/1.0.0/readiness", null);
		MockHttpServletResponse gate = call(HttpMethod.POST, SERVICE + "/releases/1.0.0/gate", null);

		assertThat(readiness.getStatus()).isEqualTo(200);
		assertThat((String) JsonPath.read(readiness.getContentAsString(), "$.verdict")).isEqualTo("READY");
		assertThat(gate.getStatus()).isEqualTo(200);
		assertThat((String) JsonPath.read(gate.getContentAsString(), "$.verdict")).isEqualTo("READY");
		List<String> deciders = JsonPath.read(call(HttpMethod.GET, SERVICE + "/releases/1.0.0/decisions", null)
			.getContentAsString(), "$[*].requestedBy");
		assertThat(deciders).containsExactly(ACCOUNT, ACCOUNT);
	}

	@Test
	void isRefusedEverythingElseAndChangesNothing() throws Exception {
		this.releases.register("pipe-service", new ReleaseForm("0.9.0", "abc123", "production", Map.of()), "pipe-admin");
		String pending = this.exceptions.request(new ExceptionTarget("pipe-service", "pipe-card", "tests-passed", "0.9.0"),
				new ExceptionTerms("Flaky", "Low", "PIPE-1", Duration.ofDays(1), null), "pipe-dev").id();
		long lockVersion = this.scorecards.draft("pipe-card").lockVersion();
		assertThat(call(HttpMethod.GET, SERVICE, null).getStatus()).as("every token reads").isEqualTo(200);
		String before = DataSnapshot.of(this.jdbc);

		List<MockHttpServletResponse> refused = List.of(
				call(HttpMethod.POST, "/api/v1/teams", "{\"name\": \"pipe-other\"}"),
				call(HttpMethod.PUT, "/api/v1/teams/pipe-team", "{\"name\": \"pipe-team\", \"version\": 0}"),
				call(HttpMethod.PUT, "/api/v1/people/" + ACCOUNT, "{\"name\": \"" + ACCOUNT + "\", \"version\": 0}"),
				call(HttpMethod.POST, "/api/v1/services", "{\"name\": \"pipe-other\", \"owner\": \"pipe-team\"}"),
				call(HttpMethod.PATCH, SERVICE, "{\"tier\": 4}"), call(HttpMethod.DELETE, SERVICE, null),
				call(HttpMethod.POST, "/api/v1/scorecards", """
						{"key": "pipe-other", "name": "Other", "ownerTeam": "pipe-team",
						 "levels": [{"key": "bronze", "name": "Minimum bar", "blocking": true}]}"""),
				call(HttpMethod.PUT, CARD + "/draft", """
						{"name": "Relaxed", "ownerTeam": "pipe-team", "lockVersion": %d,
						 "levels": [{"key": "bronze", "name": "Minimum bar", "blocking": true}], "rules": []}"""
					.formatted(lockVersion)),
				call(HttpMethod.POST, CARD + "/preview", null), call(HttpMethod.POST, CARD + "/publish", "{}"),
				call(HttpMethod.POST, CARD + "/revert?to=1", null), call(HttpMethod.POST, CARD + "/archive", null),
				call(HttpMethod.POST, "/api/v1/exceptions", """
						{"service": "pipe-service", "scorecard": "pipe-card", "rule": "covered", "reason": "Later",
						 "riskAssessment": "Low", "followUp": "PIPE-2"}"""),
				call(HttpMethod.POST, "/api/v1/exceptions/" + pending + "/approve", "{}"),
				call(HttpMethod.POST, "/api/v1/exceptions/" + pending + "/reject", "{\"comment\": \"No\"}"),
				call(HttpMethod.POST, "/api/v1/tokens", "{\"name\": \"another\"}"), call(HttpMethod.GET, "/api/v1/tokens", null),
				call(HttpMethod.DELETE, "/api/v1/tokens/" + this.token.token().id(), null),
				call(HttpMethod.GET, "/api/v1/service-accounts", null),
				call(HttpMethod.POST, "/api/v1/service-accounts", "{\"name\": \"pipe-minted\"}"));

		assertThat(refused).allSatisfy((response) -> {
			assertThat(response.getStatus()).isEqualTo(403);
			assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		});
		assertThat(call(HttpMethod.GET, "/services/pipe-service", null).getRedirectedUrl()).as("pages ignore tokens")
			.endsWith("/login");
		assertThat(DataSnapshot.of(this.jdbc)).isEqualTo(before);
	}

	private MockHttpServletResponse call(HttpMethod method, String uri, String json) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, uri)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token.secret());
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}
}
