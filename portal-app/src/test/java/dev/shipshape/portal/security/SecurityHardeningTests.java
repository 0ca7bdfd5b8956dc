package dev.shipshape.portal.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.shipshape.portal.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Hardening of both chains: security headers, throttled sign-in, sessions in PostgreSQL with a
 * new id at sign-in, header size limits, and error responses that reveal nothing.
 */
@PortalSecurityTest
class SecurityHardeningTests {

	/** Markup that a strict Content Security Policy blocks: inline scripts, styles and event handlers. */
	private static final Pattern INLINE_CODE = Pattern.compile(
			"<script(?![^>]*\\bsrc\\s*=)[^>]*>|<style\\b|\\bstyle\\s*=|\\s(th:)?on[a-z]+\\s*=|\\bhx-on|javascript:",
			Pattern.CASE_INSENSITIVE);

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void accounts() {
		for (String name : List.of("hardening-user", "throttle-form", "throttle-basic", "throttle-reset",
				"throttle-client")) {
			TestUsers.ensure(this.accounts, name, Role.VIEWER);
		}
		TestUsers.ensure(this.accounts, "hardening-admin", Role.ADMIN);
	}

	@Test
	void pagesSendAStrictContentSecurityPolicyAndTheOtherHeaders() {
		MvcTestResult page = this.mvc.get().uri("/login").exchange();

		assertThat(page).hasStatusOk();
		assertThat(page).headers()
			.hasValue("Content-Security-Policy", SecurityConfiguration.PAGE_POLICY)
			.hasValue("X-Frame-Options", "DENY")
			.hasValue("X-Content-Type-Options", "nosniff")
			.hasValue("Referrer-Policy", "same-origin")
			.containsHeader("Permissions-Policy")
			.doesNotContainHeader("Strict-Transport-Security");
		assertThat(SecurityConfiguration.PAGE_POLICY).contains("script-src 'self';", "frame-ancestors 'none'")
			.doesNotContain("unsafe");
	}

	@Test
	void strictTransportSecurityIsSentOnlyOverHttps() {
		assertThat(this.mvc.get().uri("/login").secure(true).exchange()).headers()
			.hasValue("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
	}

	@Test
	void apiResponsesAreNeverRenderedAsDocuments() {
		assertThat(this.mvc.get().uri("/api/v1/services").with(httpBasic("hardening-user", TestUsers.PASSWORD)).exchange())
			.headers()
			.hasValue("Content-Security-Policy", SecurityConfiguration.API_POLICY)
			.hasValue("X-Content-Type-Options", "nosniff");
	}

	@Test
	void noTemplateHasInlineScriptsStylesOrEventHandlers() throws IOException {
		List<String> offences = new ArrayList<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			templates.filter((file) -> file.toString().endsWith(".html")).forEach((file) -> {
				Matcher matcher = INLINE_CODE.matcher(read(file));
				while (matcher.find()) {
					offences.add(file + ": " + matcher.group());
				}
			});
		}
		assertThat(offences).as("markup the Content Security Policy blocks").isEmpty();
		assertThat(INLINE_CODE.matcher("<button onclick=\"go()\">").find()).isTrue();
		assertThat(INLINE_CODE.matcher("<div style=\"color: red\">").find()).isTrue();
		assertThat(INLINE_CODE.matcher("<script>alert(1)</script>").find()).isTrue();
		assertThat(INLINE_CODE.matcher("<script src=\"/js/app.js\" defer></script>").find()).isFalse();
	}

	@Test
	void repeatedPasswordFailuresLockTheAccountEvenForTheRightPassword() {
		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(signIn("throttle-form", "wrong", "10.1.0.1")).redirectedUrl().isEqualTo("/login?error");
		}
		assertThat(signIn("throttle-form", "wrong", "10.1.0.1")).redirectedUrl().isEqualTo("/login?locked=1");
		assertThat(signIn("throttle-form", TestUsers.PASSWORD, "10.1.0.99")).redirectedUrl().isEqualTo("/login?locked=1");

		assertThat(this.jdbc.sql("SELECT reason FROM sign_in_failures WHERE username = 'throttle-form' ORDER BY id")
			.query(String.class)
			.list()).containsExactly("BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS",
					"BAD_CREDENTIALS", "THROTTLED");
		assertThat(this.jdbc.sql("SELECT locked_until > now() FROM sign_in_throttles WHERE subject = 'throttle-form'")
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void httpBasicGetsTooManyRequestsOnceLocked() {
		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(basic("throttle-basic", "wrong", "10.4.0.1")).hasStatus(HttpStatus.UNAUTHORIZED);
		}
		assertThat(basic("throttle-basic", "wrong", "10.4.0.1")).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
		MvcTestResult locked = basic("throttle-basic", TestUsers.PASSWORD, "10.4.0.2");

		assertThat(locked).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(locked).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://shipshape.dev/problems/sign-in-throttled");
		assertThat(Long.parseLong(locked.getResponse().getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
	}

	@Test
	void aSuccessfulSignInEndsTheAccountsStreak() {
		for (int attempt = 1; attempt <= 4; attempt++) {
			signIn("throttle-reset", "wrong", "10.3.0." + attempt);
		}
		assertThat(signIn("throttle-reset", TestUsers.PASSWORD, "10.3.0.5")).redirectedUrl().isEqualTo("/");
		for (int attempt = 1; attempt <= 4; attempt++) {
			signIn("throttle-reset", "wrong", "10.3.1." + attempt);
		}

		assertThat(signIn("throttle-reset", TestUsers.PASSWORD, "10.3.1.5")).redirectedUrl().isEqualTo("/");
	}

	@Test
	void oneClientGuessingManyAccountsIsLockedOut() {
		for (int attempt = 1; attempt <= 8; attempt++) {
			signIn("guessed-" + attempt, "wrong", "10.2.0.2");
		}

		assertThat(signIn("throttle-client", TestUsers.PASSWORD, "10.2.0.2")).redirectedUrl().startsWith("/login?locked=");
		assertThat(signIn("throttle-client", TestUsers.PASSWORD, "10.2.0.3")).redirectedUrl().isEqualTo("/");
	}

	@Test
	void sessionsLiveInPostgresqlAndGetANewIdAtSignIn() throws Exception {
		HttpResponse<String> loginPage = send(request("/login").build());
		String anonymousSession = sessionCookie(loginPage);

		HttpResponse<String> signedIn = send(request("/login").header("Cookie", "SESSION=" + anonymousSession)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=hardening-user&password=" + TestUsers.PASSWORD + "&_csrf="
					+ csrfToken(loginPage.body())))
			.build());
		String session = sessionCookie(signedIn);

		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(session).isNotEqualTo(anonymousSession);
		assertThat(this.jdbc.sql("SELECT principal_name FROM spring_session WHERE session_id = :id")
			.param("id", sessionId(session))
			.query(String.class)
			.list()).containsExactly("hardening-user");
		assertThat(this.jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = :id")
			.param("id", sessionId(anonymousSession))
			.query(Integer.class)
			.single()).isZero();
		assertThat(send(request("/").header("Cookie", "SESSION=" + session).build()).statusCode()).isEqualTo(200);
		assertThat(send(request("/").header("Cookie", "SESSION=" + anonymousSession).build()).statusCode()).isEqualTo(302);
	}

	@Test
	void oversizedHeadersAreRefused() throws Exception {
		HttpResponse<String> response = send(request("/login").header("X-Padding", "a".repeat(20 * 1024)).build());

		assertThat(response.statusCode()).isEqualTo(400);
		assertNothingInternal(response.body());
	}

	@Test
	void aWrongPasswordIsToldApartFromNoCredentials() throws Exception {
		HttpResponse<String> wrong = send(request("/api/v1/services")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString("hardening-nobody:not-the-password".getBytes(StandardCharsets.UTF_8)))
			.build());
		HttpResponse<String> none = send(request("/api/v1/services").build());

		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.body()).contains("The user name or password is wrong");
		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(none.body()).contains("send an API token");
	}

	@Test
	void theApiDocumentationIsOpenToEveryone() throws Exception {
		HttpResponse<String> docs = send(request("/api/swagger-ui/index.html").build());
		HttpResponse<String> description = send(request("/api/openapi").build());

		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(policy) -> assertThat(policy).contains("script-src 'self'").doesNotContain("'unsafe-eval'"));
		assertThat(description.statusCode()).isEqualTo(200);
		assertThat(description.body()).contains("\"openapi\"");
	}

	@Test
	void anOversizedQueryStringOrTokenIsRefused() throws Exception {
		HttpResponse<String> query = send(request("/api/v1/services?q=" + "a".repeat(20 * 1024))
			.header("Authorization", basic("hardening-user"))
			.build());
		HttpResponse<String> token = send(request("/api/v1/services")
			.header("Authorization", "Bearer shp_" + "a".repeat(20 * 1024))
			.build());

		assertThat(query.statusCode()).isEqualTo(400);
		assertThat(token.statusCode()).isEqualTo(400);
		assertNothingInternal(query.body() + token.body());
	}

	/** Sent in chunks, the body has no declared length: it is counted as it is read. */
	@Test
	void anOversizedChunkedApiBodyIsRefusedAndWritesNothing() throws Exception {
		byte[] body = ("{\"name\": \"hardening-chunked\", \"description\": \"" + "x".repeat(1536 * 1024) + "\"}")
			.getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> response = send(request("/api/v1/teams").header("Authorization", basic("hardening-admin"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("too-large");
		assertThat(this.jdbc.sql("SELECT count(*) FROM teams WHERE name = 'hardening-chunked'").query(Integer.class).single())
			.isZero();
	}

	@Test
	void anOversizedFormPostIsRefusedAndWritesNothing() throws Exception {
		String session = signInWithHttp("hardening-admin");
		String csrf = csrfToken(send(request("/services/new").header("Cookie", "SESSION=" + session).build()).body());

		HttpResponse<String> response = send(request("/services").header("Cookie", "SESSION=" + session)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&name=hardening-huge&owner=&description="
					+ "x".repeat(3 * 1024 * 1024)))
			.build());

		assertThat(response.statusCode()).isIn(400, 413);
		assertNothingInternal(response.body());
		assertThat(this.jdbc.sql("SELECT count(*) FROM services WHERE name = 'hardening-huge'").query(Integer.class).single())
			.isZero();
	}

	@Test
	void anOversizedUploadIsRefusedAndWritesNothing() throws Exception {
		String session = signInWithHttp("hardening-admin");
		String csrf = csrfToken(send(request("/catalog/import").header("Cookie", "SESSION=" + session).build()).body());
		String boundary = "hardening-boundary";
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\nhardening\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"catalog-info.yaml\"\r\n"
				+ "Content-Type: application/yaml\r\n\r\n";
		byte[] file = ("# " + "x".repeat(11 * 1024 * 1024) + "\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> response = send(request("/catalog/import/apply").header("Cookie", "SESSION=" + session)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head.getBytes(StandardCharsets.UTF_8), file, tail)))
			.build());

		assertThat(response.statusCode()).isIn(400, 413);
		assertNothingInternal(response.body());
	}

	@Test
	void aServerErrorInTheApiShowsNoStackTraceNorSql() throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString(("hardening-user:" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = send(request("/api/v1/test-failures/sql")
			.header("Authorization", "Basic " + credentials)
			.header("Accept", "application/json")
			.build());

		assertThat(response.statusCode()).isEqualTo(500);
		assertNothingInternal(response.body());
	}

	@Test
	void aServerErrorOnAPageShowsNoStackTraceNorSql() throws Exception {
		HttpResponse<String> loginPage = send(request("/login").build());
		String session = sessionCookie(send(request("/login").header("Cookie", "SESSION=" + sessionCookie(loginPage))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=hardening-user&password=" + TestUsers.PASSWORD + "&_csrf="
					+ csrfToken(loginPage.body())))
			.build()));

		HttpResponse<String> response = send(request("/test-failures/sql").header("Cookie", "SESSION=" + session)
			.header("Accept", "text/html")
			.build());

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("Something went wrong");
		assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(SecurityConfiguration.PAGE_POLICY);
		assertNothingInternal(response.body());
	}

	/** Signs in through the form over HTTP and answers the new session's cookie value. */
	private String signInWithHttp(String username) throws Exception {
		HttpResponse<String> loginPage = send(request("/login").build());
		return sessionCookie(send(request("/login").header("Cookie", "SESSION=" + sessionCookie(loginPage))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + TestUsers.PASSWORD + "&_csrf="
					+ csrfToken(loginPage.body())))
			.build()));
	}

	private static String basic(String username) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private static void assertNothingInternal(String body) {
		assertThat(body).doesNotContainIgnoringCase("no_such_table")
			.doesNotContainIgnoringCase("secret_column")
			.doesNotContainIgnoringCase("select ")
			// A Java exception's name, not the product's word "Exceptions" that the navigation shows
			.doesNotContainPattern("\\w*Exception\\b")
			.doesNotContain("org.postgresql", "org.springframework", "dev.shipshape", "\tat ", "Tomcat/");
	}

	private MvcTestResult signIn(String username, String password, String clientAddress) {
		return this.mvc.post()
			.uri("/login")
			.param("username", username)
			.param("password", password)
			.with(csrf())
			.with(from(clientAddress))
			.exchange();
	}

	private MvcTestResult basic(String username, String password, String clientAddress) {
		return this.mvc.get().uri("/api/v1/services").with(httpBasic(username, password)).with(from(clientAddress)).exchange();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String sessionCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("SESSION="))
			.map((cookie) -> cookie.substring("SESSION=".length(), cookie.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No session cookie in " + response.headers().map()));
	}

	private static String sessionId(String cookie) {
		return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}

	private static String csrfToken(String page) {
		Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).as("the sign-in form carries a CSRF token").isTrue();
		return matcher.group(1);
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
