package dev.shipshape.portal.waivers;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The exception pages as plain form posts, without htmx, and the cards other pages load. */
class ExceptionPagesTests extends ExceptionTestSupport {

	@Test
	void aFailingRuleLeadsToAPrefilledRequestFormAndTheRequestToItsPage() {
		release("wx-checkout", "5.0.0", false);
		assertThat(this.mvc.get().uri("/services/wx-checkout/releases/5.0.0").with(page("wx-engineer", "VIEWER")).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("/exceptions/new?service=wx-checkout&amp;scorecard=wx-gate&amp;rule=tests-passed&amp;release=5.0.0");

		assertThat(this.mvc.get()
			.uri("/exceptions/new?service=wx-checkout&scorecard=wx-gate&rule=tests-passed&release=5.0.0")
			.with(page("wx-engineer", "VIEWER"))
			.exchange()).hasStatusOk().bodyText().contains("value=\"tests-passed\"", "value=\"5.0.0\"", "value=\"7\"");

		MvcTestResult missing = this.mvc.post()
			.uri("/exceptions")
			.with(page("wx-engineer", "VIEWER"))
			.with(csrf())
			.param("service", "wx-checkout").param("scorecard", "wx-gate").param("rule", "tests-passed")
			.param("release", "5.0.0").param("reason", "").param("riskAssessment", "Low").param("followUp", "QA-1")
			.param("durationDays", "3")
			.exchange();
		assertThat(missing).hasStatusOk().bodyText().contains("is-invalid", "must not be blank");

		MvcTestResult requested = this.mvc.post()
			.uri("/exceptions")
			.with(page("wx-engineer", "VIEWER"))
			.with(csrf())
			.param("service", "wx-checkout").param("scorecard", "wx-gate").param("rule", "tests-passed")
			.param("release", "5.0.0").param("reason", "Flaky suite").param("riskAssessment", "Low")
			.param("followUp", "https://tickets.example/QA-1").param("durationDays", "3")
			.exchange();
		assertThat(requested).hasStatus(HttpStatus.FOUND).redirectedUrl().startsWith("/exceptions/EX-");
		String page = requested.getResponse().getRedirectedUrl();

		assertThat(this.mvc.get().uri(page).with(page("wx-sre", "SRE")).exchange()).hasStatusOk()
			.bodyText()
			.contains("REQUESTED", "Flaky suite", "https://tickets.example/QA-1", "id=\"approve-form\"");
		assertThat(this.mvc.get().uri(page).with(page("wx-engineer", "VIEWER")).exchange()).hasStatusOk()
			.bodyText()
			.doesNotContain("id=\"approve-form\"");

		MvcTestResult again = this.mvc.post()
			.uri("/exceptions")
			.with(page("wx-engineer", "VIEWER"))
			.with(csrf())
			.param("service", "wx-checkout").param("scorecard", "wx-gate").param("rule", "tests-passed")
			.param("release", "5.0.0").param("reason", "Again").param("riskAssessment", "Low").param("followUp", "QA-1")
			.param("durationDays", "3")
			.exchange();
		assertThat(again).hasStatusOk().bodyText().contains("already covers", "href=\"" + page + "\"");
	}

	@Test
	void anSreApprovesFromTheQueueAndAViewerCannot() {
		String id = read(post("/api/v1/exceptions", "wx-engineer", request("wx-vault", "has-docs", null, "P4D")), "$.id");

		assertThat(this.mvc.get().uri("/exceptions/queue").with(page("wx-engineer", "VIEWER")).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.post().uri("/exceptions/" + id + "/approve").with(page("wx-engineer", "VIEWER")).with(csrf()).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.get().uri("/exceptions/queue").with(page("wx-sre", "SRE")).exchange()).hasStatusOk()
			.bodyText()
			.contains(id)
			.containsPattern("id=\"days-" + id + "\" name=\"shorterDays\" type=\"number\" min=\"1\"\\s+max=\"4\"");

		MvcTestResult approved = this.mvc.post()
			.uri("/exceptions/" + id + "/approve")
			.with(page("wx-sre", "SRE"))
			.with(csrf())
			.param("shorterDays", "2")
			.param("comment", "Two days are enough")
			.exchange();
		assertThat(approved).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/exceptions/" + id);
		assertThat(approved.getMvcResult().getFlashMap().get("flash")).asString()
			.matches(id + " approved: it applies until \\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2} UTC\\.");
		assertThat(this.mvc.get().uri("/exceptions/" + id).with(page("wx-engineer", "VIEWER")).exchange()).hasStatusOk()
			.bodyText()
			.contains("APPROVED", "Two days are enough", "In force until");

		MvcTestResult twice = this.mvc.post()
			.uri("/exceptions/" + id + "/reject")
			.with(page("wx-sre2", "SRE"))
			.with(csrf())
			.param("comment", "Too late")
			.exchange();
		assertThat(twice).hasStatus(HttpStatus.FOUND);
		assertThat(twice.getMvcResult().getFlashMap().get("problem")).asString().contains("already approved by wx-sre");

		assertThat(this.mvc.get().uri("/exceptions/" + id + "/extend").with(page("wx-engineer", "VIEWER")).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("id=\"extension-target\"", "wx-vault", "has-docs");
		MvcTestResult extended = this.mvc.post()
			.uri("/exceptions/" + id + "/extend")
			.with(page("wx-engineer", "VIEWER"))
			.with(csrf())
			.param("reason", "Docs take longer").param("riskAssessment", "Low").param("followUp", "DOC-3")
			.param("durationDays", "10")
			.exchange();
		assertThat(extended).hasStatus(HttpStatus.FOUND).redirectedUrl().startsWith("/exceptions/EX-").isNotEqualTo("/exceptions/" + id);
		assertThat(this.mvc.get().uri(extended.getResponse().getRedirectedUrl()).with(page("wx-engineer", "VIEWER")).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("REQUESTED", "Docs take longer", "href=\"/exceptions/" + id + "\"");
	}

	@Test
	void servicesTeamsAndTheHomePageShowTheExceptionsInForce() {
		String id = read(post("/api/v1/exceptions", "wx-sre",
				request("wx-ledger", "has-docs", null, "P2D").replace("}", ", \"grant\": true}")), "$.id");

		assertThat(this.mvc.get().uri("/services/wx-ledger/exceptions").header("HX-Request", "true")
			.with(page("wx-engineer", "VIEWER")).exchange()).hasStatusOk().bodyText().contains(id).doesNotContain("<html");
		assertThat(this.mvc.get().uri("/services/wx-ledger/exceptions").with(page("wx-engineer", "VIEWER")).exchange())
			.hasStatus(HttpStatus.FOUND)
			.redirectedUrl()
			.isEqualTo("/exceptions?status=APPROVED&service=wx-ledger");
		assertThat(this.mvc.get().uri("/teams/wx-team/exceptions").header("HX-Request", "true")
			.with(page("wx-engineer", "VIEWER")).exchange()).hasStatusOk().bodyText().contains(id, "wx-ledger");
		assertThat(this.mvc.get().uri("/").with(page("wx-engineer", "VIEWER")).exchange()).hasStatusOk()
			.bodyText()
			.contains("Exceptions expiring within 7 days", id);
		assertThat(this.mvc.get().uri("/exceptions?team=wx-team&status=APPROVED").with(page("wx-engineer", "VIEWER")).exchange())
			.hasStatusOk()
			.bodyText()
			.contains(id);
		assertThat(this.mvc.get().uri("/services/wx-ledger/scorecards").with(page("wx-engineer", "VIEWER")).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("/exceptions/new?service=wx-ledger&amp;scorecard=wx-gate&amp;rule=has-runbook");
	}

	private static RequestPostProcessor page(String user, String role) {
		return user(user).roles(role);
	}
}
