package dev.shipshape.waivers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import dev.shipshape.testsupport.TestClock;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Notifications reach a real HTTP receiver, signed, retried when it fails, and never twice once acknowledged. */
@SpringBootTest
class WebhookDeliveryTests {

	private static final String SECRET = "test-webhook-secret";

	private static final Receiver receiver = Receiver.start();

	@DynamicPropertySource
	static void webhook(DynamicPropertyRegistry properties) {
		properties.add("shipshape.exceptions.webhook.url", () -> "http://localhost:" + receiver.port() + "/hooks/shipshape");
		properties.add("shipshape.exceptions.webhook.secret", () -> SECRET);
		properties.add("shipshape.exceptions.webhook.first-retry", () -> "1m");
		properties.add("shipshape.exceptions.webhook.max-attempts", () -> "3");
	}

	@AfterAll
	static void stopReceiver() {
		receiver.server.stop(0);
	}

	@Autowired
	WaiverManagement exceptions;

	@Autowired
	WebhookDelivery delivery;

	@Autowired
	ExpiryWatch expiryWatch;

	@Autowired
	TestClock clock;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void reset() {
		this.clock.set(WaiversTestApplication.START);
		receiver.received.clear();
		receiver.failuresToGo.set(0);
	}

	@Test
	void everyChangeIsDeliveredOnceSignedWithTheSecretAndCarryingItsEventId() {
		ExceptionView requested = this.exceptions.request(target("hook-svc"), terms(Duration.ofDays(3)), "engineer");
		this.exceptions.approve(requested.id(), Approval.asRequested("Fine for three days"), "sre");

		await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged(requested.id()).size() == 2);
		this.delivery.deliverDue();
		this.delivery.deliverDue();

		List<Received> deliveries = received(requested.id());
		assertThat(deliveries).extracting((r) -> r.headers().get("X-Shipshape-Event"))
			.containsExactly("exception.requested", "exception.approved");
		for (Received delivery : deliveries) {
			assertThat(WebhookSignature.verify(SECRET, delivery.body(), delivery.headers().get("X-Shipshape-Signature")))
				.isTrue();
			assertThat(WebhookSignature.verify("another-secret", delivery.body(),
					delivery.headers().get("X-Shipshape-Signature"))).isFalse();
			JsonNode body = this.json.readTree(delivery.body());
			assertThat(body.get("id").asString()).isEqualTo(delivery.headers().get("X-Shipshape-Event-Id"));
			assertThat(body.get("exception").get("service").asString()).isEqualTo("hook-svc");
		}
		JsonNode approval = this.json.readTree(deliveries.get(1).body());
		assertThat(approval.get("type").asString()).isEqualTo("exception.approved");
		assertThat(approval.get("actor").asString()).isEqualTo("sre");
		assertThat(approval.get("comment").asString()).isEqualTo("Fine for three days");
		assertThat(approval.get("exception").get("status").asString()).isEqualTo("APPROVED");
		assertThat(approval.get("exception").get("expiresAt").asString()).isEqualTo(requested.expiresAt().toString());
		assertThat(this.exceptions.notifications(requested.id())).extracting(NotificationView::state)
			.containsExactly("delivered", "delivered");
	}

	@Test
	void aFailingReceiverIsRetriedWithBackoffTheFailureShowsAndTheDecisionIsNotHeldUp() {
		receiver.failuresToGo.set(2);
		ExceptionView granted = this.exceptions.grant(target("flaky-svc"), terms(Duration.ofDays(3)), "sre");
		assertThat(granted.live()).isTrue();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.exceptions.notifications(granted.id()).get(0).attempts() == 1);
		NotificationView failed = this.exceptions.notifications(granted.id()).get(0);
		assertThat(failed.state()).isEqualTo("pending");
		assertThat(failed.lastStatus()).isEqualTo(500);
		assertThat(failed.lastError()).contains("HTTP 500", "receiver is down");
		assertThat(failed.nextAttemptAt()).isEqualTo(WaiversTestApplication.START.plus(Duration.ofMinutes(1)));
		assertThat(this.exceptions.failingNotifications(10)).extracting(NotificationView::id).contains(failed.id());

		this.delivery.deliverDue();
		assertThat(this.exceptions.notifications(granted.id()).get(0).attempts()).isEqualTo(1);

		this.clock.advance(Duration.ofMinutes(1));
		this.delivery.deliverDue();
		assertThat(this.exceptions.notifications(granted.id()).get(0).nextAttemptAt())
			.isEqualTo(WaiversTestApplication.START.plus(Duration.ofMinutes(3)));

		this.clock.advance(Duration.ofMinutes(2));
		this.delivery.deliverDue();
		this.delivery.deliverDue();

		assertThat(this.exceptions.notifications(granted.id())).singleElement()
			.satisfies((n) -> assertThat(n.state()).isEqualTo("delivered"))
			.satisfies((n) -> assertThat(n.attempts()).isEqualTo(3));
		assertThat(received(granted.id())).extracting(Received::status).containsExactly(500, 500, 204);
		assertThat(received(granted.id())).extracting((r) -> r.headers().get("X-Shipshape-Event-Id")).containsOnly(failed.id());
	}

	@Test
	void aNotificationIsGivenUpAfterTheLastAttemptAndStaysVisible() {
		receiver.failuresToGo.set(10);
		ExceptionView requested = this.exceptions.request(target("down-svc"), terms(Duration.ofDays(3)), "engineer");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.exceptions.notifications(requested.id()).get(0).attempts() == 1);

		for (int i = 0; i < 5; i++) {
			this.clock.advance(Duration.ofHours(1));
			this.delivery.deliverDue();
		}

		NotificationView given = this.exceptions.notifications(requested.id()).get(0);
		assertThat(given.state()).isEqualTo("failed");
		assertThat(given.attempts()).isEqualTo(3);
		assertThat(given.gaveUpAt()).isNotNull();
		assertThat(this.exceptions.failingNotifications(10)).extracting(NotificationView::id).contains(given.id());
	}

	@Test
	void receiversHearWhenAnExceptionIsAboutToExpireAndWhenItHas() {
		ExceptionView granted = this.exceptions.grant(target("expiry-svc"), terms(Duration.ofDays(3)), "sre");

		this.clock.advance(Duration.ofHours(23));
		this.expiryWatch.check();
		this.clock.advance(Duration.ofHours(2));
		this.expiryWatch.check();
		this.expiryWatch.check();
		this.clock.advance(Duration.ofDays(2));
		this.expiryWatch.check();
		this.expiryWatch.check();

		await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged(granted.id()).size() == 3);
		assertThat(received(granted.id())).extracting((r) -> r.headers().get("X-Shipshape-Event"))
			.containsExactly("exception.approved", "exception.expiring", "exception.expired");
	}

	/** Every request about this exception that reached the receiver, acknowledged or not. */
	private List<Received> received(String exceptionId) {
		return receiver.received.stream()
			.filter((r) -> this.json.readTree(r.body()).get("exception").get("id").asString().equals(exceptionId))
			.toList();
	}

	private List<Received> acknowledged(String exceptionId) {
		return received(exceptionId).stream().filter((r) -> r.status() / 100 == 2).toList();
	}

	private static ExceptionTarget target(String service) {
		return new ExceptionTarget(service, "prod", "runbook", null);
	}

	private static ExceptionTerms terms(Duration duration) {
		return WaiverManagementTests.terms(duration);
	}

	/** One request the receiver got, and what it answered. */
	record Received(Map<String, String> headers, byte[] body, int status) {
	}

	/** A webhook receiver on a free local port; it answers 500 while {@code failuresToGo} is above zero. */
	record Receiver(HttpServer server, ConcurrentLinkedQueue<Received> received, AtomicInteger failuresToGo) {

		static Receiver start() {
			try {
				HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
				Receiver receiver = new Receiver(server, new ConcurrentLinkedQueue<>(), new AtomicInteger());
				server.createContext("/hooks/shipshape", receiver::handle);
				server.start();
				return receiver;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		int port() {
			return this.server.getAddress().getPort();
		}

		private void handle(HttpExchange exchange) throws IOException {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			int status = (this.failuresToGo.getAndDecrement() > 0) ? 500 : 204;
			Map<String, String> headers = new java.util.HashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(canonical(name), values.get(0)));
			this.received.add(new Received(headers, body, status));
			if (status == 500) {
				byte[] answer = "receiver is down\n".getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(500, answer.length);
				exchange.getResponseBody().write(answer);
			}
			else {
				exchange.sendResponseHeaders(status, -1);
			}
			exchange.close();
		}

		private static String canonical(String header) {
			return switch (header.toLowerCase(java.util.Locale.ROOT)) {
				case "x-shipshape-event" -> "X-Shipshape-Event";
				case "x-shipshape-event-id" -> "X-Shipshape-Event-Id";
				case "x-shipshape-signature" -> "X-Shipshape-Signature";
				default -> header;
			};
		}
	}
}
