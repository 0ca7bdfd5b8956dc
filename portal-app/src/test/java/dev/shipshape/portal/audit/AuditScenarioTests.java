package dev.shipshape.portal.audit;

import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * A scripted day in the portal, driven through the API as people and a pipeline would: afterwards the
 * audit trail tells every step in order, who took it, and what changed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditScenarioTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void accounts() {
		TestUsers.ensure(this.accounts, "au-admin", Role.ADMIN);
		TestUsers.ensure(this.accounts, "au-sre", Role.SRE);
		TestUsers.ensure(this.accounts, "au-releaser", Role.RELEASE_MANAGER);
		TestUsers.ensure(this.accounts, "au-engineer", Role.VIEWER);
	}

	@Test
	void theTrailShowsEveryActionOfTheScenarioInOrder() {
		long start = this.jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_events", Long.class);

		assertThat(this.mvc.post()
			.uri("/api/v1/people")
			.with(as("au-admin"))
			.header("X-Request-Id", "audit-scenario-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"au-engineer\"}")
			.exchange()).hasStatus(HttpStatus.CREATED);
		send("POST", "/api/v1/teams", "au-admin", "{\"name\": \"au-team\", \"members\": [\"au-engineer\"]}",
				HttpStatus.CREATED);
		send("POST", "/api/v1/services", "au-admin",
				"{\"name\": \"au-ledger\", \"owner\": \"au-team\", \"tier\": 1, \"lifecycle\": \"production\"}",
				HttpStatus.CREATED);
		send("PATCH", "/api/v1/services/au-ledger/facts", "au-admin", "{\"coverage\": 83.5}", HttpStatus.OK);
		assertThat(this.mvc.post()
			.uri("/api/v1/catalog/import?source=au-repo")
			.with(as("au-admin"))
			.contentType(MediaType.APPLICATION_YAML)
			.content("""
					apiVersion: backstage.io/v1alpha1
					kind: Component
					metadata:
					  name: au-billing
					spec:
					  type: service
					  lifecycle: production
					  owner: au-team
					""")
			.exchange()).hasStatusOk();
		send("POST", "/api/v1/scorecards", "au-admin", """
				{"key": "au-gate", "name": "Audit gate", "ownerTeam": "au-team",
				 "levels": [{"key": "bronze", "name": "Minimum bar", "blocking": true}],
				 "rules": [{"key": "tests-passed", "title": "Tests passed", "level": "bronze",
				            "expression": "release.facts.testsPassed == true"}]}""", HttpStatus.CREATED);
		send("POST", "/api/v1/scorecards/au-gate/publish", "au-admin", "{\"note\": \"First bar\"}", HttpStatus.CREATED);
		send("POST", "/api/v1/services/au-ledger/releases", "au-releaser",
				"{\"version\": \"1.0.0\", \"commit\": \"9fceb02\", \"environment\": \"production\", \"facts\": {\"testsPassed\": false}}",
				HttpStatus.CREATED);
		send("POST", "/api/v1/services/au-ledger/releases/1.0.0/gate", "au-releaser", null, HttpStatus.CONFLICT);
		String exception = read(send("POST", "/api/v1/exceptions", "au-engineer", """
				{"service": "au-ledger", "scorecard": "au-gate", "rule": "tests-passed", "release": "1.0.0",
				 "reason": "The flaky suite is quarantined", "riskAssessment": "Low", "followUp": "QA-7", "duration": "P3D"}""",
				HttpStatus.CREATED), "$.id");
		send("POST", "/api/v1/exceptions/" + exception + "/approve", "au-sre", "{\"comment\": \"Three days\"}",
				HttpStatus.OK);
		MvcTestResult created = send("POST", "/api/v1/tokens", "au-releaser",
				"{\"name\": \"au-ci\", \"scopes\": [\"releases:write\", \"readiness:read\"]}", HttpStatus.CREATED);
		String secret = read(created, "$.secret");
		Number tokenId = read(created, "$.token.id");
		// Scorecards of other tests may apply to every service too: the exception waives this one's rule.
		MvcTestResult tokenGate = bearer(this.mvc.post().uri("/api/v1/services/au-ledger/releases/1.0.0/gate"), secret);
		assertThat(tokenGate.getResponse().getStatus()).isIn(200, 409);
		send("DELETE", "/api/v1/tokens/" + tokenId, "au-releaser", null, HttpStatus.NO_CONTENT);
		assertThat(bearer(this.mvc.post().uri("/api/v1/services/au-ledger/releases/1.0.0/gate"), secret))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.mvc.get()
			.uri("/api/v1/services")
			.with(httpBasic("au-engineer", "not-the-password"))
			.with(from("10.9.8.7"))
			.exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
		MvcTestResult readOnlyToken = send("POST", "/api/v1/tokens", "au-releaser",
				"{\"name\": \"au-reader\", \"scopes\": [\"readiness:read\"]}", HttpStatus.CREATED);
		String readOnly = read(readOnlyToken, "$.secret");
		Number readOnlyId = read(readOnlyToken, "$.token.id");
		assertThat(bearer(this.mvc.post()
			.uri("/api/v1/services/au-ledger/releases")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": \"1.1.0\"}"), readOnly)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(bearer(this.mvc.get().uri("/api/v1/services"), "not-a-token")).hasStatus(HttpStatus.UNAUTHORIZED);

		MvcTestResult trail = this.mvc.get()
			.uri("/api/v1/audit?order=oldest&size=200&afterId=" + start)
			.with(as("au-admin"))
			.exchange();
		assertThat(trail).hasStatusOk();
		// The portal's own work (an expiry, say) may interleave; the scenario is what people and tokens did.
		List<Map<String, Object>> events = read(trail, "$.items[?(@.actorKind != 'SYSTEM')]");
		assertThat(events).extracting((event) -> event.get("action") + " " + event.get("objectId") + " by "
				+ event.get("actor"))
			.containsExactly("person.created au-engineer by au-admin", "team.created au-team by au-admin",
					"service.created au-ledger by au-admin", "service.facts_merged au-ledger by au-admin",
					"import.applied au-repo by au-admin", "service.created au-billing by au-admin",
					"scorecard.created au-gate by au-admin", "scorecard.published au-gate by au-admin",
					"release.registered au-ledger/1.0.0 by au-releaser", "release.gate_decided au-ledger/1.0.0 by au-releaser",
					"exception.requested " + exception + " by au-engineer", "exception.approved " + exception + " by au-sre",
					"token.created " + tokenId + " by au-releaser", "release.gate_decided au-ledger/1.0.0 by au-releaser",
					"token.revoked " + tokenId + " by au-releaser", "token.refused " + tokenId + " by anonymous",
					"sign_in.failed au-engineer by anonymous", "token.created " + readOnlyId + " by au-releaser",
					"access.denied null by au-releaser", "token.refused null by anonymous");

		assertThat(events.get(0)).extracting("requestId", "actorKind", "after.name")
			.containsExactly("audit-scenario-1", "PERSON", "au-engineer");
		assertThat(events).allSatisfy((event) -> assertThat(event.get("requestId")).isNotNull());
		assertThat(events.get(3)).extracting("before", "after").containsExactly(Map.of(), Map.of("coverage", 83.5));
		assertThat((String) events.get(5).get("summary")).contains("import of 'au-repo'");
		assertThat(events.get(5)).extracting("after").asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("owner", "au-team");
		assertThat(events.get(9)).extracting("after").asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("verdict", "BLOCKED")
			.extractingByKey("blockingFailures")
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.contains("au-gate/tests-passed");
		assertThat(events.get(11)).extracting("before.status", "after.status", "after.decidedBy")
			.containsExactly("REQUESTED", "APPROVED", "au-sre");
		assertThat(events.get(13)).extracting("actorKind", "tokenId", "tokenName", "after.verdict")
			.containsExactly("TOKEN", tokenId, "au-ci", read(tokenGate, "$.verdict"));
		assertThat(events.get(13)).extracting("after.waived")
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.contains("au-gate/tests-passed");
		assertThat(events.get(14)).extracting("before.status", "after.status").containsExactly("ACTIVE", "REVOKED");
		assertThat(events.get(15)).extracting("actorKind", "tokenId", "after.reason")
			.containsExactly("ANONYMOUS", tokenId, "REVOKED");
		assertThat(events.get(16)).extracting("clientAddress", "after.method", "after.reason")
			.containsExactly("10.9.8.7", "PASSWORD", "BAD_CREDENTIALS");
		assertThat(events.get(18)).extracting("actorKind", "after.path")
			.containsExactly("TOKEN", "/api/v1/services/au-ledger/releases");
		assertThat(events.get(19)).extracting("after.reason").isEqualTo("MALFORMED");
	}

	private MvcTestResult send(String method, String uri, String user, String json, HttpStatus expected) {
		MockMvcTester.MockMvcRequestBuilder request = this.mvc.method(HttpMethod.valueOf(method))
			.uri(uri)
			.with(as(user));
		if (json != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		MvcTestResult result = request.exchange();
		assertThat(result).as(method + " " + uri).hasStatus(expected);
		return result;
	}

	private MvcTestResult bearer(MockMvcTester.MockMvcRequestBuilder request, String secret) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + secret).exchange();
	}

	private static RequestPostProcessor as(String user) {
		return httpBasic(user, TestUsers.PASSWORD);
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static <T> T read(MvcTestResult result, String path) {
		try {
			return JsonPath.read(result.getResponse().getContentAsString(), path);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
