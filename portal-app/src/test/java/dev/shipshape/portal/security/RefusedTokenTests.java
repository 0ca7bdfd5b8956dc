package dev.shipshape.portal.security;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.tokens.ApiTokens;
import dev.shipshape.portal.tokens.CreatedToken;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Tokens that must not work, used for a write: expired, revoked, unknown, malformed, sent another
 * way than {@code Authorization: Bearer}, or lacking the scope. Each is refused (401 or 403), the
 * refusal is in the audit trail, and nothing changes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RefusedTokenTests {

	private static final String ADMIN = "rt-admin";

	private static final String FACTS = "/api/v1/services/rt-service/facts";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	/** The facts as they are before each test; no refused call may change them. */
	String facts;

	@BeforeEach
	void serviceWithFacts() throws Exception {
		TestUsers.ensure(this.accounts, ADMIN, Role.ADMIN);
		if (this.catalog.findTeam("rt-team").isEmpty()) {
			this.catalog.createTeam(new TeamForm("rt-team", null, null, null, null, null, List.of(), null));
			this.catalog.createService(new ServiceForm("rt-service", null, null, "rt-team", 2, "production", null,
					List.of(), List.of(), List.of(), null));
			this.mvc.perform(MockMvcRequestBuilders.put(FACTS)
				.with(httpBasic(ADMIN, TestUsers.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"coverage\": 50}"));
		}
		this.facts = facts();
	}

	@Test
	void anExpiredTokenIsRefusedAndChangesNothing() throws Exception {
		CreatedToken token = token();
		this.jdbc.sql("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = :id")
			.param("id", token.token().id())
			.update();

		assertRefused(pushFacts("Bearer " + token.secret()), 401, "expired");
		assertThat(refusedTokens(token.token().id(), "EXPIRED")).isEqualTo(1);
	}

	@Test
	void aRevokedTokenIsRefusedAtOnceAndChangesNothing() throws Exception {
		CreatedToken token = token();
		assertThat(this.mvc.perform(MockMvcRequestBuilders.get(FACTS)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token.secret())).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		this.tokens.revoke(token.token().id(), ADMIN, false);

		assertRefused(pushFacts("Bearer " + token.secret()), 401, "revoked");
		assertThat(refusedTokens(token.token().id(), "REVOKED")).isEqualTo(1);
	}

	@Test
	void aTokenWithoutTheScopeIsForbiddenAndChangesNothing() throws Exception {
		CreatedToken token = this.tokens.create(ADMIN, ADMIN, "gate only", EnumSet.of(TokenScope.READINESS_READ), null);
		String secret = token.secret();

		MockHttpServletResponse refused = pushFacts("Bearer " + secret);

		assertRefused(refused, 403, "https://shipshape.dev/problems/forbidden");
		assertThat((List<String>) JsonPath.read(refused.getContentAsString(), "$.scopes")).containsExactly("readiness:read");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_events WHERE action = 'access.denied' AND actor = :actor AND actor_kind = 'TOKEN'
				   AND token_id = :token AND after ->> 'method' = 'PATCH' AND after ->> 'path' = :path""")
			.param("actor", ADMIN)
			.param("token", token.token().id())
			.param("path", FACTS)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformed")
	void aMalformedOrUnknownTokenIsRefusedAndChangesNothing(String authorization) throws Exception {
		int refusals = refusedTokens();

		assertRefused(pushFacts(authorization), 401, "");
		boolean bearer = authorization.regionMatches(true, 0, "Bearer ", 0, 7);
		assertThat(refusedTokens()).as("refused tokens in the audit trail").isEqualTo(refusals + (bearer ? 1 : 0));
	}

	static Stream<String> malformed() {
		String wellFormed = "shp_" + "A".repeat(43);
		return Stream.of("Bearer ", "Bearer not-a-token", "Bearer shp_", "Bearer " + wellFormed, "Bearer " + wellFormed + "x",
				"Bearer shp_" + "x".repeat(8000), "Bearer ' OR 1=1 --", "Bearer shp_%00%27", "Token " + wellFormed,
				"Basic bm90LWJhc2U2NA", "Bearer", "bearer  " + wellFormed);
	}

	@Test
	void aTokenIsAcceptedOnlyInTheAuthorizationHeader() throws Exception {
		String secret = token().secret();

		MockHttpServletResponse inQuery = this.mvc.perform(MockMvcRequestBuilders.patch(FACTS + "?access_token=" + secret)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"coverage\": 1}")).andReturn().getResponse();
		MockHttpServletResponse inCookie = this.mvc.perform(facts(null).cookie(new Cookie("token", secret)))
			.andReturn()
			.getResponse();

		assertThat(inQuery.getStatus()).isEqualTo(401);
		assertThat(inCookie.getStatus()).isEqualTo(401);
		assertThat(facts()).isEqualTo(this.facts);
	}

	private CreatedToken token() {
		return this.tokens.create(ADMIN, ADMIN, "every scope", EnumSet.allOf(TokenScope.class), null);
	}

	private MockHttpServletResponse pushFacts(String authorization) throws Exception {
		return this.mvc.perform(facts(authorization)).andReturn().getResponse();
	}

	private static MockHttpServletRequestBuilder facts(String authorization) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.patch(FACTS)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"coverage\": " + Math.random() + "}");
		return (authorization != null) ? request.header(HttpHeaders.AUTHORIZATION, authorization) : request;
	}

	private void assertRefused(MockHttpServletResponse response, int status, String saying) throws Exception {
		assertThat(response.getStatus()).isEqualTo(status);
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(response.getContentAsString()).contains(saying);
		assertThat(facts()).isEqualTo(this.facts);
	}

	private String facts() throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.get(FACTS).with(httpBasic(ADMIN, TestUsers.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private int refusedTokens(long id, String reason) {
		return this.jdbc.sql("""
				SELECT count(*) FROM audit_events WHERE action = 'token.refused' AND object_type = 'token'
				   AND object_id = :id AND after ->> 'reason' = :reason""")
			.param("id", String.valueOf(id))
			.param("reason", reason)
			.query(Integer.class)
			.single();
	}

	private int refusedTokens() {
		return this.jdbc.sql("SELECT count(*) FROM audit_events WHERE action = 'token.refused'").query(Integer.class).single();
	}
}
