package dev.shipshape.portal.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.releases.Releases;
import dev.shipshape.portal.scorecards.ScorecardManagement;
import dev.shipshape.portal.security.PermissionMatrix.Entry;
import dev.shipshape.portal.tokens.ApiTokens;
import dev.shipshape.waivers.WaiverManagement;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Requests a browser could be tricked into sending, and requests too large to read: every form
 * action refuses a missing or forged CSRF token, a signed-in session never reaches the API, and
 * every API body above the limit is refused with 413; none of them changes anything.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgedRequestTests {

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	MatrixFixtures fixtures;

	@BeforeAll
	void fixtures(@Autowired CatalogManagement catalog, @Autowired ScorecardManagement scorecards,
			@Autowired Releases releases, @Autowired WaiverManagement exceptions, @Autowired ApiTokens tokens) {
		this.fixtures = new MatrixFixtures(this.accounts, catalog, scorecards, releases, exceptions, tokens).prepare();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formActions")
	void everyFormActionRefusesAMissingOrForgedCsrfToken(Entry action) throws Exception {
		for (RequestPostProcessor forgery : List.of(noToken(), csrf().useInvalidToken())) {
			AbstractMockHttpServletRequestBuilder<?> request = MatrixRequests.of(action.key(), this.fixtures);
			String before = snapshot();

			MockHttpServletResponse response = this.mvc
				.perform(request.with(user(this.accounts.passwordAccount(Caller.ADMIN.account()))).with(forgery))
				.andReturn()
				.getResponse();
			this.fixtures.called(false);

			assertThat(response.getStatus()).as(action.key()).isEqualTo(403);
			assertThat(snapshot()).as("the data after " + action.key()).isEqualTo(before);
		}
	}

	Stream<Entry> formActions() {
		return PermissionMatrix.load()
			.entries()
			.stream()
			.filter((entry) -> !entry.isApi() && !READS.contains(entry.method()) && !entry.method().equals("ANY"));
	}

	@Test
	void signingInAndOutNeedTheCsrfTokenToo() throws Exception {
		assertThat(this.mvc.perform(MockMvcRequestBuilders.post("/login")
			.param("username", Caller.ADMIN.account())
			.param("password", TestUsers.PASSWORD)
			.with(csrf().useInvalidToken())).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(this.mvc.perform(MockMvcRequestBuilders.post("/logout")
			.with(user(this.accounts.passwordAccount(Caller.ADMIN.account())))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
	}

	@Test
	void aSignedInSessionNeverReachesTheApi() throws Exception {
		MockHttpServletResponse signedIn = this.mvc
			.perform(formLogin("/login").user(Caller.ADMIN.account()).password(TestUsers.PASSWORD))
			.andReturn()
			.getResponse();
		Cookie session = signedIn.getCookie("SESSION");
		assertThat(session).as("the session cookie").isNotNull();
		assertThat(this.mvc.perform(MockMvcRequestBuilders.get("/").cookie(session)).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		String before = snapshot();

		MockHttpServletResponse api = this.mvc.perform(MockMvcRequestBuilders.post("/api/v1/teams")
			.cookie(session)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"forged-by-a-page\"}")).andReturn().getResponse();

		assertThat(api.getStatus()).isEqualTo(401);
		assertThat(snapshot()).isEqualTo(before);
	}

	/** Bodies above {@code shipshape.api.max-body-size} (1 MB); descriptor imports have a limit of their own. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("apiWrites")
	void everyApiWriteRefusesABodyAboveTheLimit(Entry write) throws Exception {
		AbstractMockHttpServletRequestBuilder<?> request = MatrixRequests.of(write.key(), this.fixtures)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + "x".repeat(1024 * 1024) + "\"}")
			.with(httpBasic(Caller.ADMIN.account(), TestUsers.PASSWORD));
		String before = snapshot();

		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		this.fixtures.called(false);

		assertThat(response.getStatus()).as(write.key()).isEqualTo(413);
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(snapshot()).as("the data after " + write.key()).isEqualTo(before);
	}

	Stream<Entry> apiWrites() {
		return PermissionMatrix.load()
			.entries()
			.stream()
			.filter((entry) -> entry.isApi() && !READS.contains(entry.method()) && !entry.pattern().contains("/catalog/import"));
	}

	private String snapshot() {
		return DataSnapshot.of(this.jdbc);
	}

	private static RequestPostProcessor noToken() {
		return (request) -> request;
	}
}
