package dev.shipshape.portal.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.scorecards.NewScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardManagement;
import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
import dev.shipshape.waivers.NotificationView;
import dev.shipshape.waivers.WaiverManagement;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * The webhook receiver is down while exceptions are requested, approved and revoked: the decisions
 * go through, their notifications wait in the outbox and are retried, and once the receiver is back
 * each arrives exactly once: none lost, none sent again after the receiver acknowledged it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WebhookOutageTests {

	private static final WebhookReceiver receiver = WebhookReceiver.start();

	@DynamicPropertySource
	static void webhook(DynamicPropertyRegistry properties) {
		properties.add("shipshape.exceptions.webhook.url", receiver::url);
		properties.add("shipshape.exceptions.webhook.secret", () -> WebhookReceiver.SECRET);
		properties.add("shipshape.exceptions.webhook.first-retry", () -> "500ms");
		properties.add("shipshape.exceptions.webhook.longest-retry", () -> "1s");
		properties.add("shipshape.exceptions.webhook.poll-interval", () -> "200ms");
		// The outage lasts as long as the test needs: the notifications must not be given up meanwhile.
		properties.add("shipshape.exceptions.webhook.max-attempts", () -> "100");
	}

	@AfterAll
	static void stopReceiver() {
		receiver.stop();
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	WaiverManagement exceptions;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	ScorecardManagement scorecards;

	@Autowired
	UserAccounts accounts;

	@Autowired
	QueueMetrics queues;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JsonMapper json;

	@Test
	void decisionsMadeWhileTheReceiverIsDownAreDeliveredOnceEachWhenItIsBack() throws Exception {
		prepare();
		receiver.stop();

		List<String> approved = new ArrayList<>();
		for (String rule : List.of("runbook", "owner", "alerts")) {
			String id = requested(rule);
			assertThat(decide(id, "approve", "{\"comment\": \"Fine for now\"}")).hasStatusOk();
			approved.add(id);
		}
		assertThat(decide(approved.get(2), "revoke", "{\"reason\": \"Fixed sooner\"}")).hasStatusOk();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(notifications(approved))
			.allSatisfy((notification) -> assertThat(notification.attempts()).isPositive())
			.allSatisfy((notification) -> assertThat(notification.state()).isEqualTo("pending"))
			.allSatisfy((notification) -> assertThat(notification.lastError()).contains("ConnectException")));
		this.queues.refresh();
		assertThat(gauge("pending")).isEqualTo(notifications(approved).size());
		assertThat(this.meters.get("shipshape.webhook.failures").functionCounter().count()).isPositive();

		receiver.restart();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(notifications(approved))
			.allSatisfy((notification) -> assertThat(notification.state()).isEqualTo("delivered")));
		// Several more delivery rounds pass; none may send anything again.
		int sent = notifications(approved).size();
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received.size() == sent);

		Map<String, Long> deliveriesPerEvent = receiver.deliveriesPerEvent();
		assertThat(deliveriesPerEvent.keySet())
			.containsExactlyInAnyOrderElementsOf(notifications(approved).stream().map(NotificationView::id).toList());
		assertThat(deliveriesPerEvent.values()).containsOnly(1L);
		assertThat(receiver.received).allSatisfy((delivery) -> assertThat(delivery.signed()).isTrue());
		assertThat(events(approved.get(0))).containsExactly("exception.requested", "exception.approved");
		assertThat(events(approved.get(2))).containsExactly("exception.requested", "exception.approved",
				"exception.revoked");
		this.queues.refresh();
		assertThat(gauge("pending")).isZero();
		assertThat(gauge("failed")).isZero();
	}

	private void prepare() {
		TestUsers.ensure(this.accounts, "hook-engineer", Role.VIEWER);
		TestUsers.ensure(this.accounts, "hook-sre", Role.SRE);
		this.catalog.createTeam(new TeamForm("hook-team", null, null, null, null, null, List.of(), null));
		this.catalog.createService(new ServiceForm("hooked", null, null, "hook-team", 1, "production", null, null, null,
				null, null));
		this.scorecards.create(new NewScorecardForm("hook-card", "Hooks", null, "hook-team", null,
				List.of(new ScorecardForm.LevelForm("bronze", "Minimum bar", true)),
				List.of(rule("runbook"), rule("owner"), rule("alerts"))), "test");
		this.scorecards.publish("hook-card", "v1", "test");
	}

	private static ScorecardForm.RuleForm rule(String key) {
		return new ScorecardForm.RuleForm(key, key, null, "bronze", "service.facts." + key + " == true", null, null);
	}

	private String requested(String rule) throws Exception {
		MvcTestResult created = this.mvc.post()
			.uri("/api/v1/exceptions")
			.with(httpBasic("hook-engineer", TestUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"service\": \"hooked\", \"scorecard\": \"hook-card\", \"rule\": \"" + rule + "\", "
					+ "\"reason\": \"Migrating\", \"riskAssessment\": \"Low\", \"followUp\": \"OPS-1\", \"duration\": \"P3D\"}")
			.exchange();
		assertThat(created).hasStatus(201);
		return this.json.readTree(created.getResponse().getContentAsString()).get("id").asString();
	}

	private MvcTestResult decide(String id, String decision, String body) {
		return this.mvc.post()
			.uri("/api/v1/exceptions/" + id + "/" + decision)
			.with(httpBasic("hook-sre", TestUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private List<NotificationView> notifications(List<String> exceptionIds) {
		return exceptionIds.stream().flatMap((id) -> this.exceptions.notifications(id).stream()).toList();
	}

	private List<String> events(String exceptionId) {
		return this.exceptions.notifications(exceptionId).stream().map(NotificationView::event).toList();
	}

	private double gauge(String state) {
		return this.meters.get("shipshape.webhook.outbox").tag("state", state).gauge().value();
	}
}
