package dev.shipshape.portal.waivers;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
import dev.shipshape.testsupport.TestClock;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * One application for the exception tests, with a clock they move: a team with three services,
 * the scorecard {@code wx-gate} (production services only) and accounts for an engineer, two SREs
 * and an administrator. The expiry watch checks every second, so that expiries show in stored
 * results without waiting.
 */
@SpringBootTest(properties = "shipshape.exceptions.expiry-check-interval=PT1S")
@AutoConfigureMockMvc
abstract class ExceptionTestSupport {

	static final TestClock CLOCK = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

	@TestBean
	Clock clock;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	ScorecardManagement scorecards;

	@Autowired
	Releases releases;

	@Autowired
	UserAccounts accounts;

	static Clock clock() {
		return CLOCK;
	}

	@BeforeEach
	void catalogAndScorecard() {
		TestUsers.ensure(this.accounts, "wx-engineer", Role.VIEWER);
		TestUsers.ensure(this.accounts, "wx-sre", Role.SRE);
		TestUsers.ensure(this.accounts, "wx-sre2", Role.SRE);
		TestUsers.ensure(this.accounts, "wx-admin", Role.ADMIN);
		if (this.catalog.findTeam("wx-team").isPresent()) {
			return;
		}
		this.catalog.createPerson(new PersonForm("wx-engineer", null, null, null, null));
		this.catalog.createTeam(new TeamForm("wx-team", "Exceptions team", null, null, null, null, List.of("wx-engineer"), null));
		this.catalog.createTeam(new TeamForm("wx-others", null, null, null, null, null, List.of(), null));
		// Releases of checkout and api are blocked only by their tests; ledger and vault have no runbook.
		for (String name : List.of("wx-checkout", "wx-api")) {
			this.catalog.createService(new ServiceForm(name, null, null, "wx-team", 1, "production", null, List.of(),
					List.of(new LinkForm("runbook", "https://runbooks.example/" + name, null)), List.of(), null));
		}
		for (String name : List.of("wx-ledger", "wx-vault")) {
			this.catalog.createService(new ServiceForm(name, null, null, "wx-team", 1, "production", null, List.of(),
					List.of(new LinkForm("docs", "https://docs.example/" + name, null)), List.of(), null));
		}
		this.catalog.createService(new ServiceForm("wx-elsewhere", null, null, "wx-others", 2, "production", null,
				List.of(), List.of(), List.of(), null));
		this.catalog.createService(new ServiceForm("wx-sandbox", null, null, "wx-team", 4, "experimental", null,
				List.of(), List.of(), List.of(), null));
		this.scorecards.create(new NewScorecardForm("wx-gate", "Production gate", null, "wx-team",
				"service.lifecycle == \"production\"",
				List.of(new ScorecardForm.LevelForm("bronze", "Minimum bar", true),
						new ScorecardForm.LevelForm("silver", "Silver", false)),
				List.of(new ScorecardForm.RuleForm("tests-passed", "Tests passed", null, "bronze",
						"release.facts.testsPassed == true", "Fix the tests", null),
						new ScorecardForm.RuleForm("has-runbook", "Has a runbook", null, "bronze",
								"service.links.runbook != \"\"", "Link a runbook", null),
						new ScorecardForm.RuleForm("has-docs", "Has docs", null, "silver", "service.links.docs != \"\"",
								"Link the docs", null))),
				"test");
		this.scorecards.publish("wx-gate", "v1", "test");
	}

	/** Registers a release whose tests passed or failed. */
	void release(String service, String version, boolean testsPassed) {
		this.releases.register(service, new ReleaseForm(version, "abc123", "production", Map.of("testsPassed", testsPassed)),
				"test");
	}

	MvcTestResult post(String uri, String user, String json) {
		return this.mvc.post().uri(uri).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	MvcTestResult get(String uri, String user) {
		return this.mvc.get().uri(uri).with(as(user)).exchange();
	}

	/** An exception request as JSON; {@code release} and {@code duration} may be null. */
	static String request(String service, String rule, String release, String duration) {
		return "{\"service\": \"" + service + "\", \"scorecard\": \"wx-gate\", \"rule\": \"" + rule + "\""
				+ ((release != null) ? ", \"release\": \"" + release + "\"" : "")
				+ ", \"reason\": \"Flaky suite, fixed in the next sprint\", \"riskAssessment\": \"Low: the change is a copy edit\""
				+ ", \"followUp\": \"https://tickets.example/QA-7\""
				+ ((duration != null) ? ", \"duration\": \"" + duration + "\"" : "") + "}";
	}

	/** A value of the JSON body, e.g. {@code $.id}. */
	static <T> T read(MvcTestResult result, String path) {
		try {
			return JsonPath.read(result.getResponse().getContentAsString(), path);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static RequestPostProcessor as(String user) {
		return httpBasic(user, TestUsers.PASSWORD);
	}
}
