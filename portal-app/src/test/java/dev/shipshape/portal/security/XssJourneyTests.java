package dev.shipshape.portal.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.LinkForm;
import dev.shipshape.catalog.PersonForm;
import dev.shipshape.catalog.ServiceFacts;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.releases.ReleaseForm;
import dev.shipshape.portal.releases.Releases;
import dev.shipshape.portal.scorecards.NewScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardManagement;
import dev.shipshape.portal.tokens.ApiTokens;
import dev.shipshape.testsupport.browser.Browser;
import dev.shipshape.testsupport.browser.BrowserTest;
import dev.shipshape.waivers.Approval;
import dev.shipshape.waivers.ExceptionTarget;
import dev.shipshape.waivers.ExceptionTerms;
import dev.shipshape.waivers.WaiverManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Script in every text field stays text: payloads stored in services, teams, people, facts,
 * scorecards, releases, exceptions and tokens, and typed into filters, are shown as written on
 * every page that shows them, and none of them runs, raises an alert, breaks the Content Security
 * Policy or turns into a link that runs script.
 */
@BrowserTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class XssJourneyTests {

	private static final String SCRIPT = "<script>window.__xss=1</script>";

	private static final String ATTRIBUTE = "\"><img src=x onerror=\"window.__xss=1\">";

	private static final String SVG = "'><svg onload=window.__xss=1 onerror=alert(1)>";

	private static final String LINK = "javascript:window.__xss=1";

	private static final String TEMPLATE = "[[${7*7}]] [(${T(java.lang.Runtime).getRuntime()})] {{7*7}}";

	private static final String HTMX = "<div hx-get=\"/logout\" hx-trigger=\"load\" data-xss=\"1\">htmx</div>";

	/** Collects the policy violations of every document, from before its first script runs. */
	private static final String VIOLATION_RECORDER = """
			window.__cspViolations = [];
			document.addEventListener('securitypolicyviolation', (event) => {
			  window.__cspViolations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline code'));
			});""";

	/**
	 * Anything in the document that could run script: event handler attributes, script URLs, elements
	 * or htmx attributes that only a payload brings. Payloads inside attribute values (a form field's
	 * value, a link's https address) are text and pass.
	 */
	private static final String SCRIPT_HAZARDS = """
			const found = [];
			for (const element of document.querySelectorAll('*')) {
			  for (const attribute of element.attributes) {
			    const value = attribute.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
			    if (attribute.name.startsWith('on') || value.startsWith('javascript:') || value.startsWith('data:text/html')
			        || attribute.name === 'data-xss') {
			      found.push(element.tagName + ' ' + attribute.name + '=' + attribute.value);
			    }
			  }
			}
			document.querySelectorAll('script:not([src]), img[src="x"], svg[onload]')
			  .forEach((element) => found.push(element.outerHTML));
			return found;""";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	ServiceFacts facts;

	@Autowired
	ScorecardManagement scorecards;

	@Autowired
	Releases releases;

	@Autowired
	WaiverManagement exceptions;

	@Autowired
	ApiTokens tokens;

	String pending;

	String approved;

	@BeforeEach
	void payloadsInEveryTextField() {
		TestUsers.ensure(this.accounts, "xss-admin", Role.ADMIN);
		TestUsers.ensure(this.accounts, "xss-engineer", Role.VIEWER);
		if (this.catalog.findTeam("xss-team").isPresent()) {
			return;
		}
		this.catalog.createPerson(new PersonForm("xss-person", SCRIPT, null, ATTRIBUTE, null));
		this.catalog.createTeam(new TeamForm("xss-team", ATTRIBUTE, null, SVG, SCRIPT + TEMPLATE, null,
				List.of("xss-person"), null));
		this.catalog.createService(new ServiceForm("xss-service", SCRIPT, ATTRIBUTE + SVG + HTMX + TEMPLATE, "xss-team", 1,
				"production", SVG, List.of("xss"),
				List.of(new LinkForm("runbook", "https://runbooks.example/\"><script>window.__xss=1</script>", SCRIPT),
						new LinkForm("other", "https://docs.example/x'onmouseover='window.__xss=1", ATTRIBUTE)),
				List.of(), null));
		this.facts.replace("xss-service", Map.of("note", SCRIPT, "html", ATTRIBUTE, "link", LINK), "xss-admin");
		this.scorecards.create(new NewScorecardForm("xss-card", SCRIPT, ATTRIBUTE, "xss-team", null,
				List.of(new ScorecardForm.LevelForm("bronze", SVG, true)),
				List.of(new ScorecardForm.RuleForm("tests-passed", SCRIPT, ATTRIBUTE, "bronze",
						"release.facts.testsPassed == true", SVG + LINK, null),
						new ScorecardForm.RuleForm("no-script", ATTRIBUTE, SCRIPT, "bronze",
								"service.title != \"" + "<script>window.__xss=1</script>" + "\"", TEMPLATE, null))),
				"xss-admin");
		this.scorecards.publish("xss-card", SCRIPT, "xss-admin");
		this.releases.register("xss-service",
				new ReleaseForm("1.0.0", "abc123", "production", Map.of("testsPassed", false, "notes", SCRIPT + ATTRIBUTE)),
				"xss-admin");
		this.releases.register("xss-service", new ReleaseForm("1.0.1", "abc124", "production", Map.of()), "xss-admin");
		this.pending = this.exceptions.request(new ExceptionTarget("xss-service", "xss-card", "tests-passed", "1.0.0"),
				new ExceptionTerms(SCRIPT, ATTRIBUTE, LINK, Duration.ofDays(2), null), "xss-engineer").id();
		this.approved = this.exceptions.grant(new ExceptionTarget("xss-service", "xss-card", "tests-passed", "1.0.1"),
				new ExceptionTerms(SVG, TEMPLATE, "https://tickets.example/\"><script>window.__xss=1</script>",
						Duration.ofDays(2), null), "xss-admin").id();
		this.exceptions.revoke(this.approved, SCRIPT, "xss-admin");
		this.approved = this.exceptions.grant(new ExceptionTarget("xss-service", "xss-card", "tests-passed", "1.0.1"),
				new ExceptionTerms(ATTRIBUTE, SCRIPT, "https://tickets.example/XSS-1?q=<b>", Duration.ofDays(2), null),
				"xss-admin").id();
		this.exceptions.approve(this.pending, new Approval(null, null, ATTRIBUTE), "xss-admin");
		this.pending = this.exceptions.request(new ExceptionTarget("xss-service", "xss-card", "no-script", null),
				new ExceptionTerms(TEMPLATE + HTMX, SVG, "javascript:alert(1)", Duration.ofDays(1), null), "xss-engineer").id();
		this.tokens.create("xss-admin", "xss-admin", SCRIPT, EnumSet.noneOf(TokenScope.class), null);
	}

	@Test
	void storedPayloadsAreShownAsTextAndNeverRun(Browser browser) {
		recordViolations(browser);
		browser.at("http://127.0.0.1:" + this.port).signIn("xss-admin", TestUsers.PASSWORD);

		List<String> problems = new ArrayList<>();
		for (String page : List.of("/", "/services?q=xss", "/services/xss-service", "/services/xss-service/edit",
				"/services/xss-service/scorecards", "/services/xss-service/releases", "/services/xss-service/releases/1.0.0",
				"/teams", "/teams/xss-team", "/teams/xss-team/edit", "/people", "/people/xss-person", "/scorecards",
				"/scorecards/xss-card", "/scorecards/xss-card/versions/1", "/scorecards/xss-card/draft",
				"/scorecards/xss-card/diff", "/scorecards/xss-card/preview", "/reports/scorecards?scorecard=xss-card",
				"/releases", "/exceptions", "/exceptions/" + this.pending, "/exceptions/" + this.approved,
				"/exceptions/" + this.approved + "/extend", "/exceptions/queue", "/account/tokens")) {
			problems.addAll(visit(browser, page));
		}

		assertThat(problems).isEmpty();
		browser.open("/services/xss-service");
		settle(browser);
		assertThat(browser.driver().findElement(org.openqa.selenium.By.tagName("main")).getText()).contains(SCRIPT,
				"onerror=\"window.__xss=1\"", "[[${7*7}]]");
	}

	@Test
	void payloadsTypedIntoFiltersAndAddressesAreShownAsTextAndNeverRun(Browser browser) {
		recordViolations(browser);
		browser.at("http://127.0.0.1:" + this.port).signIn("xss-admin", TestUsers.PASSWORD);

		List<String> problems = new ArrayList<>();
		for (String page : List.of("/services?q=" + encoded(SCRIPT), "/services?q=" + encoded(ATTRIBUTE),
				"/services?tag=" + encoded(SVG), "/teams?q=" + encoded(ATTRIBUTE), "/people?q=" + encoded(SCRIPT),
				"/releases?environment=" + encoded(ATTRIBUTE), "/exceptions?team=" + encoded(SCRIPT),
				"/reports/scorecards?lifecycle=" + encoded(ATTRIBUTE), "/services/" + encoded(SCRIPT),
				"/exceptions/new?service=" + encoded(ATTRIBUTE) + "&rule=" + encoded(SCRIPT),
				"/scorecards/xss-card/diff?from=" + encoded(ATTRIBUTE))) {
			problems.addAll(visit(browser, page));
		}

		assertThat(problems).isEmpty();
	}

	private List<String> visit(Browser browser, String page) {
		browser.open(page);
		settle(browser);
		List<String> problems = new ArrayList<>();
		try {
			problems.add(page + ": an alert says " + browser.driver().switchTo().alert().getText());
			browser.driver().switchTo().alert().dismiss();
		}
		catch (NoAlertPresentException ex) {
			// as it should be
		}
		if (!Boolean.TRUE.equals(script(browser, "return typeof window.__xss === 'undefined'"))) {
			problems.add(page + ": a payload ran");
		}
		for (Object violation : (List<?>) script(browser, "return window.__cspViolations || ['no recorder']")) {
			problems.add(page + ": " + violation);
		}
		for (Object hazard : (List<?>) script(browser, SCRIPT_HAZARDS)) {
			problems.add(page + ": " + hazard);
		}
		return problems;
	}

	private static String encoded(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static void recordViolations(Browser browser) {
		((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
				Map.of("source", VIOLATION_RECORDER));
	}

	/** Waits for the document and the fragments htmx loads into it. */
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

	private static Object script(Browser browser, String code) {
		return ((JavascriptExecutor) browser.driver()).executeScript(code);
	}
}
