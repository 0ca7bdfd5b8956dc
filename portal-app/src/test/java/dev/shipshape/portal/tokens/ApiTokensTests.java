package dev.shipshape.portal.tokens;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.jayway.jsonpath.JsonPath;
import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.security.PortalSecurityTest;
import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** API tokens over REST: created, used as bearer tokens within their scopes, revoked. */
@PortalSecurityTest
class ApiTokensTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void accounts() {
		TestUsers.ensure(this.accounts, "tok-admin", Role.ADMIN);
		TestUsers.ensure(this.accounts, "tok-viewer", Role.VIEWER);
		if (this.catalog.findTeam("tok-team").isEmpty()) {
			this.catalog.createTeam(new TeamForm("tok-team", null, null, null, null, null, List.of(), null));
		}
	}

	@Test
	void aPersonCreatesUsesListsAndRevokesTheirToken() {
		MvcTestResult created = createToken("tok-viewer", """
				{"name": "laptop script", "scopes": ["facts:write"]}""");
		assertThat(created).hasStatus(HttpStatus.CREATED);
		String secret = secret(created);
		long id = id(created);
		assertThat(created).hasHeader(HttpHeaders.LOCATION, "/api/v1/tokens/" + id);
		assertThat(created).bodyJson().extractingPath("$.token.scopes").asArray().containsExactly("facts:write");
		assertThat(created).bodyJson().extractingPath("$.token.account").isEqualTo("tok-viewer");

		assertThat(this.mvc.get().uri("/api/v1/services").with(bearer(secret)).exchange()).hasStatusOk();

		MvcTestResult listed = this.mvc.get().uri("/api/v1/tokens").with(basic("tok-viewer")).exchange();
		assertThat(listed).hasStatusOk().bodyJson().extractingPath("$[0].hint").isEqualTo(secret.substring(0, 8) + "…");
		assertThat(listed).bodyText().doesNotContain(secret);
		assertThat(this.jdbc.sql("SELECT secret_hash FROM api_tokens WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo(TokenSecrets.hash(secret))
			.isNotEqualTo(secret);

		assertThat(this.mvc.delete().uri("/api/v1/tokens/{id}", id).with(basic("tok-viewer")).exchange())
			.hasStatus(HttpStatus.NO_CONTENT);
		MvcTestResult revoked = this.mvc.get().uri("/api/v1/services").with(bearer(secret)).exchange();
		assertProblem(revoked, HttpStatus.UNAUTHORIZED, "invalid-token");
		assertThat(revoked).bodyJson().extractingPath("$.detail").asString().contains("revoked");
		assertThat(this.mvc.get().uri("/api/v1/tokens/{id}", id).with(basic("tok-viewer")).exchange()).bodyJson()
			.extractingPath("$.status")
			.isEqualTo("REVOKED");
	}

	@Test
	void anAdministratorsTokenActsOnlyWithinItsScopes() {
		String readiness = secret(createToken("tok-admin", """
				{"name": "gate only", "scopes": ["readiness:read"]}"""));
		String catalogWriter = secret(createToken("tok-admin", """
				{"name": "catalog sync", "scopes": ["catalog:write"]}"""));

		assertThat(this.mvc.get().uri("/api/v1/teams/tok-team").with(bearer(readiness)).exchange()).hasStatusOk();
		MvcTestResult refused = postTeam(readiness, "tok-refused-team");
		assertProblem(refused, HttpStatus.FORBIDDEN, "forbidden");
		assertThat(refused).bodyJson().extractingPath("$.scopes").asArray().containsExactly("readiness:read");
		assertProblem(this.mvc.post()
			.uri("/api/v1/services")
			.with(bearer(readiness))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"tok-refused-service\"}")
			.exchange(), HttpStatus.FORBIDDEN, "forbidden");
		assertThat(this.catalog.findTeam("tok-refused-team")).isEmpty();
		assertThat(this.catalog.findService("tok-refused-service")).isEmpty();

		assertThat(postTeam(catalogWriter, "tok-created-team")).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void aScopeDoesNotLendTheAccountRolesItLacks() {
		String viewerCatalog = secret(createToken("tok-viewer", """
				{"name": "viewer catalog", "scopes": ["catalog:write", "scorecards:write"]}"""));

		assertProblem(postTeam(viewerCatalog, "tok-viewer-team"), HttpStatus.FORBIDDEN, "forbidden");
		this.catalog.createService(new ServiceForm("tok-others-service", null, null, "tok-team", null, null, null, null,
				null, null, null));
		assertProblem(this.mvc.delete().uri("/api/v1/services/tok-others-service").with(bearer(viewerCatalog)).exchange(),
				HttpStatus.FORBIDDEN, "forbidden");
	}

	@Test
	void refusesMalformedUnknownExpiredAndRevokedTokensSayingWhy() {
		MvcTestResult malformed = this.mvc.get().uri("/api/v1/services").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token").exchange();
		assertProblem(malformed, HttpStatus.UNAUTHORIZED, "invalid-token");
		assertThat(malformed).headers().hasValue(HttpHeaders.WWW_AUTHENTICATE,
				"Bearer realm=\"Shipshape\", error=\"invalid_token\", error_description=\"The bearer token is not a Shipshape token: check that it was copied whole (shp_ and 46 more characters)\"");

		String unknown = TokenSecrets.generate(new SecureRandom());
		assertThat(this.mvc.get().uri("/api/v1/services").with(bearer(unknown)).exchange()).bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("not known");

		MvcTestResult created = createToken("tok-viewer", """
				{"name": "short lived", "scopes": [], "expiresAt": "2999-01-01T00:00:00Z"}""");
		this.jdbc.sql("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = :id")
			.param("id", id(created))
			.update();
		MvcTestResult expired = this.mvc.get().uri("/api/v1/services").with(bearer(secret(created))).exchange();
		assertProblem(expired, HttpStatus.UNAUTHORIZED, "invalid-token");
		assertThat(expired).bodyJson().extractingPath("$.detail").asString().contains("expired");

		assertThat(this.jdbc.sql("SELECT reason FROM sign_in_failures WHERE method = 'TOKEN'").query(String.class).list())
			.contains("MALFORMED", "UNKNOWN", "EXPIRED");
	}

	@Test
	void tokensNeverManageTokensOrAccounts() {
		String secret = secret(createToken("tok-admin", """
				{"name": "everything", "scopes": ["catalog:write", "facts:write", "releases:write", "readiness:read",
				 "exceptions:write", "scorecards:write"]}"""));

		assertProblem(this.mvc.post()
			.uri("/api/v1/tokens")
			.with(bearer(secret))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"minted by a token\"}")
			.exchange(), HttpStatus.FORBIDDEN, "forbidden");
		assertProblem(this.mvc.get().uri("/api/v1/tokens").with(bearer(secret)).exchange(), HttpStatus.FORBIDDEN,
				"forbidden");
		assertProblem(this.mvc.get().uri("/api/v1/service-accounts").with(bearer(secret)).exchange(),
				HttpStatus.FORBIDDEN, "forbidden");
	}

	@Test
	void anAdministratorCreatesAServiceAccountAndATokenForIt() {
		MvcTestResult account = this.mvc.post()
			.uri("/api/v1/service-accounts")
			.with(basic("tok-admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"svc-pipeline\", \"roles\": [\"RELEASE_MANAGER\"]}")
			.exchange();
		assertThat(account).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.kind").isEqualTo("SERVICE");

		MvcTestResult created = createToken("tok-admin", """
				{"name": "pipeline", "scopes": ["releases:write", "readiness:read"], "account": "svc-pipeline"}""");
		assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.token.account").isEqualTo("svc-pipeline");
		assertThat(this.mvc.get().uri("/api/v1/services").with(bearer(secret(created))).exchange()).hasStatusOk();
		assertThat(this.mvc.get().uri("/api/v1/tokens?account=svc-pipeline").with(basic("tok-admin")).exchange())
			.bodyJson()
			.extractingPath("$[0].name")
			.isEqualTo("pipeline");

		assertProblem(this.mvc.get().uri("/api/v1/services").with(httpBasic("svc-pipeline", "")).with(from("10.9.0.1")).exchange(),
				HttpStatus.UNAUTHORIZED, "unauthenticated");
		assertProblem(createToken("tok-viewer", """
				{"name": "not mine", "account": "svc-pipeline"}"""), HttpStatus.FORBIDDEN, "forbidden");
		MvcTestResult forAPerson = createToken("tok-admin", """
				{"name": "impersonation", "account": "tok-viewer"}""");
		assertProblem(forAPerson, HttpStatus.BAD_REQUEST, "invalid-request");
		assertThat(forAPerson).bodyJson().extractingPath("$.errors[0].field").isEqualTo("account");
		assertProblem(this.mvc.post()
			.uri("/api/v1/service-accounts")
			.with(basic("tok-admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"SVC-Pipeline\"}")
			.exchange(), HttpStatus.CONFLICT, "duplicate-name");
		assertProblem(this.mvc.get().uri("/api/v1/service-accounts").with(basic("tok-viewer")).exchange(),
				HttpStatus.FORBIDDEN, "forbidden");
	}

	@Test
	void recordsTheLastUseAtMostOnceAMinute() {
		MvcTestResult created = createToken("tok-viewer", """
				{"name": "busy pipeline"}""");
		long id = id(created);
		assertThat(lastUsed(id)).isEmpty();

		this.mvc.get().uri("/api/v1/services").with(bearer(secret(created))).exchange();
		Optional<Instant> first = lastUsed(id);
		this.mvc.get().uri("/api/v1/services").with(bearer(secret(created))).exchange();

		assertThat(first).isPresent();
		assertThat(lastUsed(id)).isEqualTo(first);
	}

	@Test
	void refusesUnknownScopesAndExpiriesInThePast() {
		MvcTestResult misspelled = createToken("tok-viewer", """
				{"name": "typo", "scopes": ["facts:write", "catalog:wrte"]}""");
		assertProblem(misspelled, HttpStatus.BAD_REQUEST, "invalid-request");
		assertThat(misspelled).bodyJson().extractingPath("$.errors[0].field").isEqualTo("scopes[1]");

		MvcTestResult past = createToken("tok-viewer", """
				{"name": "late", "expiresAt": "2001-01-01T00:00:00Z"}""");
		assertThat(past).bodyJson().extractingPath("$.errors[0].field").isEqualTo("expiresAt");

		assertThat(this.mvc.get().uri("/api/v1/tokens/scopes").with(basic("tok-viewer")).exchange()).bodyJson()
			.extractingPath("$[*].value")
			.asArray()
			.contains("catalog:write", "facts:write", "releases:write", "readiness:read", "exceptions:write",
					"scorecards:write");
	}

	private MvcTestResult createToken(String user, String json) {
		return this.mvc.post()
			.uri("/api/v1/tokens")
			.with(basic(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	private MvcTestResult postTeam(String secret, String name) {
		return this.mvc.post()
			.uri("/api/v1/teams")
			.with(bearer(secret))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\"}")
			.exchange();
	}

	private Optional<Instant> lastUsed(long id) {
		return this.jdbc.sql("SELECT last_used_at FROM api_tokens WHERE id = :id")
			.param("id", id)
			.query((row, number) -> Optional.ofNullable(row.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
	}

	private static String secret(MvcTestResult created) {
		return JsonPath.read(body(created), "$.secret");
	}

	private static long id(MvcTestResult created) {
		Number id = JsonPath.read(body(created), "$.token.id");
		return id.longValue();
	}

	private static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RequestPostProcessor bearer(String secret) {
		return (request) -> {
			request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + secret);
			return request;
		};
	}

	private static RequestPostProcessor basic(String user) {
		return httpBasic(user, TestUsers.PASSWORD);
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static void assertProblem(MvcTestResult result, HttpStatus status, String type) {
		assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://shipshape.dev/problems/" + type);
	}
}
