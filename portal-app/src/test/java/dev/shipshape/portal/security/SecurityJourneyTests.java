package dev.shipshape.portal.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.PersonForm;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.testsupport.browser.Browser;
import dev.shipshape.testsupport.browser.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real Chromium: the pages satisfy the Content Security Policy while htmx works, a person
 * manages API tokens on their page, single sign-on goes through the in-test OpenID Connect
 * provider, and a throttled sign-in says so.
 */
@BrowserTest
@PortalSecurityTest
class SecurityJourneyTests {

	/** Collects the policy violations of every document, from before its first script runs. */
	private static final String VIOLATION_RECORDER = """
			window.__cspViolations = [];
			document.addEventListener('securitypolicyviolation', (event) => {
			  window.__cspViolations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline code')
			      + ' at ' + event.sourceFile + ':' + event.lineNumber);
			});""";

	private static final int MOST_PAGES = 40;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	CatalogManagement catalog;

	@BeforeEach
	void portal() {
		TestUsers.ensure(this.accounts, "journey-admin", Role.ADMIN);
		TestUsers.ensure(this.accounts, "journey-viewer", Role.VIEWER);
		TestUsers.ensure(this.accounts, "journey-locked", Role.VIEWER);
		TestUsers.ensure(this.accounts, "sso-clash", Role.VIEWER);
		if (this.catalog.findTeam("csp-team").isEmpty()) {
			this.catalog.createPerson(new PersonForm("journey-viewer", "Journey Viewer", null, null, null));
			this.catalog.createTeam(new TeamForm("csp-team", "CSP team", "csp@example.com", "#csp", null, null,
					List.of("journey-viewer"), null));
			this.catalog.createService(new ServiceForm("csp-service", "CSP service", "Renders under a strict policy",
					"csp-team", 2, "production", null, List.of("web"), null, null, null));
			this.catalog.createService(new ServiceForm("csp-other", null, null, null, null, null, null, null, null,
					null, null));
		}
	}

	@Test
	void noPageViolatesTheContentSecurityPolicy(Browser browser) {
		recordViolations(browser);
		browser.at(base()).signIn("journey-admin", TestUsers.PASSWORD);

		List<String> violations = new ArrayList<>();
		Set<String> visited = new LinkedHashSet<>();
		Deque<String> pages = new ArrayDeque<>(List.of("/", "/account/tokens", "/services/new", "/teams/new",
				"/services/csp-service", "/services/csp-service/edit", "/no-such-page", "/api/docs"));
		while (!pages.isEmpty() && visited.size() < MOST_PAGES) {
			String page = pages.removeFirst();
			if (!visited.add(page)) {
				continue;
			}
			browser.open(page);
			settle(browser);
			violations.addAll(violations(browser, page));
			if (!page.startsWith("/api/")) {
				assertThat(script(browser, "return document.querySelectorAll('script:not([src])').length")).as(page)
					.isEqualTo(0L);
				links(browser).stream().filter((link) -> !visited.contains(link)).forEach(pages::addLast);
			}
		}

		assertThat(visited).contains("/services", "/teams", "/people", "/account/tokens", "/api/docs");
		assertThat(violations).isEmpty();
		browser.open("/api/docs");
		assertThat(browser.waitFor(By.cssSelector(".swagger-ui .info .title")).getText()).contains("Shipshape");
		assertThat(violations(browser, "/api/docs")).isEmpty();
		script(browser, "const s = document.createElement('script'); s.textContent = 'window.__inlineRan = true';"
				+ " document.body.appendChild(s); return null;");
		new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
			.until((driver) -> !violations(browser, "control").isEmpty());
		assertThat(script(browser, "return window.__inlineRan === true")).as("an inline script is blocked").isEqualTo(false);
	}

	@Test
	void htmxLiveSearchWorksUnderThePolicy(Browser browser) {
		recordViolations(browser);
		browser.at(base()).signIn("journey-viewer", TestUsers.PASSWORD);

		browser.open("/services");
		assertThat(browser.findAll(By.cssSelector("#services-table tbody tr"))).hasSizeGreaterThan(1);
		browser.type(By.id("filter-q"), "csp-serv");

		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until((driver) -> driver.findElements(By.cssSelector("#services-table tbody tr")).size() == 1);
		assertThat(browser.text(By.id("service-results"))).contains("csp-service");
		assertThat(violations(browser, "/services")).isEmpty();
	}

	@Test
	void aPersonCreatesUsesAndRevokesAnApiTokenOnTheirPage(Browser browser) throws Exception {
		browser.at(base()).signIn("journey-viewer", TestUsers.PASSWORD);

		browser.click(By.linkText("API tokens"));
		browser.type(By.id("token-name"), "browser token");
		browser.click(By.id("scope-facts-write"));
		browser.click(By.cssSelector("#token-form button[type=submit]"));
		String secret = browser.waitFor(By.id("new-token-secret")).getDomProperty("value");

		assertThat(secret).startsWith("shp_");
		assertThat(browser.text(By.id("my-tokens"))).contains("browser token", "facts:write", "never");
		assertThat(callApi(secret)).isEqualTo(200);

		browser.click(By.cssSelector("#my-tokens button.btn-outline-danger"));
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
		browser.waitForText(By.cssSelector(".alert-success"), "Revoked the token browser token");

		assertThat(browser.text(By.id("my-tokens"))).contains("revoked");
		assertThat(browser.findAll(By.id("new-token-secret"))).isEmpty();
		assertThat(callApi(secret)).isEqualTo(401);
	}

	@Test
	void signsInThroughTheOpenIdConnectProviderWithRolesFromItsGroups(Browser browser) {
		signInThroughProvider(browser, "oidc-alice");

		assertThat(browser.text(By.cssSelector("[data-signed-in-user]"))).isEqualTo("oidc-alice");
		AccountSummary alice = this.accounts.find("oidc-alice").orElseThrow();
		assertThat(alice.singleSignOn()).isTrue();
		assertThat(alice.roles()).contains(Role.ADMIN, Role.VIEWER);
		browser.open("/teams");
		assertThat(browser.findAll(By.linkText("New team"))).hasSize(1);

		signInThroughProvider(browser, "carol@example.com");
		assertThat(browser.text(By.cssSelector("[data-signed-in-user]"))).isEqualTo("carol");
		assertThat(this.accounts.find("carol").orElseThrow().roles()).containsExactlyInAnyOrder(Role.VIEWER, Role.SRE);
	}

	@Test
	void singleSignOnNeverTakesOverALocalAccount(Browser browser) {
		signInThroughProvider(browser, "sso-clash");

		assertThat(browser.text(By.id("sso-error"))).contains("Single sign-on did not let you in");
		assertThat(this.accounts.find("sso-clash").orElseThrow().singleSignOn()).isFalse();
	}

	@Test
	void aThrottledSignInSaysSoOnTheSignInPage(Browser browser) {
		browser.at(base()).open("/login");
		browser.driver().manage().deleteAllCookies();
		for (int attempt = 1; attempt <= 5; attempt++) {
			browser.open("/login");
			browser.type(By.name("username"), "journey-locked");
			browser.type(By.name("password"), "wrong password");
			browser.click(By.cssSelector("main button[type=submit]"));
			browser.waitFor(By.cssSelector(".alert"));
		}

		assertThat(browser.text(By.id("sign-in-locked"))).contains("Too many failed sign-ins", "Try again in 1 minute");
	}

	private void signInThroughProvider(Browser browser, String username) {
		browser.at(TestIdentityProvider.issuer()).open("/login");
		browser.driver().manage().deleteAllCookies();
		browser.at(base()).open("/login");
		browser.driver().manage().deleteAllCookies();
		browser.open("/login");
		browser.click(By.cssSelector("[data-sso='" + TestIdentityProvider.REGISTRATION + "']"));
		browser.type(By.name("username"), username);
		browser.type(By.name("password"), TestIdentityProvider.PASSWORD);
		browser.click(By.cssSelector("button[type=submit]"));
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until((driver) -> driver.getCurrentUrl().startsWith(base()) && !driver.getCurrentUrl().contains("/login/oauth2/"));
	}

	private int callApi(String token) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/services"))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** The browser reaches the portal as 127.0.0.1 and the identity provider as localhost, so their cookies stay apart. */
	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private static void recordViolations(Browser browser) {
		((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
				Map.of("source", VIOLATION_RECORDER));
	}

	@SuppressWarnings("unchecked")
	private static List<String> violations(Browser browser, String page) {
		Object found = script(browser, "return window.__cspViolations || ['the violation recorder did not run']");
		return ((List<Object>) found).stream().map((violation) -> page + ": " + violation).toList();
	}

	/** Waits until the document and the requests it started (htmx, Swagger UI) have finished. */
	private static void settle(Browser browser) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until((driver) -> "complete".equals(script(browser, "return document.readyState")));
		try {
			Thread.sleep(300);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private List<String> links(Browser browser) {
		List<String> links = new ArrayList<>();
		for (WebElement link : browser.findAll(By.cssSelector("a[href]"))) {
			String href = link.getDomAttribute("href");
			if (href != null && href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/logout")
					&& !href.startsWith("/oauth2/") && !href.startsWith("/api/") && !href.contains("delete")) {
				links.add(href);
			}
		}
		return links;
	}

	private static Object script(Browser browser, String code) {
		return ((JavascriptExecutor) browser.driver()).executeScript(code);
	}
}
