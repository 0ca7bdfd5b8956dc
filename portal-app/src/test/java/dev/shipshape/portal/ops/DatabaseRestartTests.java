package dev.shipshape.portal.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.shipshape.ShipshapeApplication;
import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.scorecards.NewScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardManagement;
import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL restarts while pipelines call the gate, register releases and push facts: calls made
 * while it is down fail closed with 503, the portal reconnects by itself when it is back, and every
 * write that was acknowledged is still there. The database is a PostgreSQL of this test's own, with
 * durable commits as in production, so that restarting it disturbs no other test.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseRestartTests {

	private static final String USER = "restart-releaser";

	/** Longer than a request may wait for a connection (5 seconds), so that some calls fall wholly inside. */
	private static final Duration OUTAGE = Duration.ofSeconds(8);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final AtomicBoolean loaded = new AtomicBoolean(true);

	private final AtomicInteger sequence = new AtomicInteger();

	private ConfigurableApplicationContext portal;

	@TempDir
	Path data;

	private int port;

	@Test
	void callsDuringTheOutageFailClosedThePortalReconnectsAndEveryAcknowledgedWriteIsKept(CapturedOutput output)
			throws Exception {
		this.port = freePort();
		EmbeddedPostgres postgres = startPostgres();
		try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE shipshape");
		}
		try (ConfigurableApplicationContext portal = startPortal()) {
			prepare(portal);
			ExecutorService pipelines = Executors.newFixedThreadPool(3);
			List<Future<?>> load = List.of(pipelines.submit(() -> repeat("gate", this::callGate)),
					pipelines.submit(() -> repeat("release", this::registerRelease)),
					pipelines.submit(() -> repeat("facts", this::pushFacts)));
			awaitAcknowledged(3);

			long stopping = System.nanoTime();
			postgres.close();
			long down = System.nanoTime();
			HttpResponse<String> probed = send(request(portal, "/api/v1/services/restarted/releases/1.0.0/gate")
				.header("X-Request-Id", "outage-probe-1")
				.POST(HttpRequest.BodyPublishers.noBody()));
			int readiness = send(HttpRequest.newBuilder(uri(portal, "/actuator/health/readiness"))).statusCode();
			int liveness = send(HttpRequest.newBuilder(uri(portal, "/actuator/health/liveness"))).statusCode();
			waitUntil(down + OUTAGE.toNanos());
			long up = System.nanoTime();
			postgres = startPostgres();

			await().atMost(Duration.ofSeconds(30)).until(() -> lastOf("gate") == 200);
			awaitAcknowledged(this.calls.size() + 3);
			this.loaded.set(false);
			for (Future<?> pipeline : load) {
				pipeline.get(30, TimeUnit.SECONDS);
			}
			pipelines.shutdown();

			assertThat(probed.statusCode()).isEqualTo(503);
			assertThat(probed.headers().firstValue("X-Request-Id")).hasValue("outage-probe-1");
			assertThat(output)
				.containsPattern("\\[outage-probe-1\\] .*POST /api/v1/services/restarted/releases/1.0.0/gate answered 503");
			assertThat(readiness).as("not ready without the database").isEqualTo(503);
			assertThat(liveness).as("alive all the same").isEqualTo(200);
			assertThat(send(HttpRequest.newBuilder(uri(portal, "/actuator/health/readiness"))).statusCode()).isEqualTo(200);
			assertFailedClosed(stopping, down, up);
			assertAcknowledgedWritesKept(postgres);
		}
		finally {
			postgres.close();
		}
	}

	private void assertFailedClosed(long stopping, long down, long up) {
		List<Call> during = this.calls.stream().filter((call) -> call.started() >= down && call.ended() <= up).toList();
		assertThat(during).as("calls made and answered while the database was down").isNotEmpty();
		assertThat(during).allSatisfy((call) -> assertThat(call.status()).as(call.toString()).isEqualTo(503));
		assertThat(during).extracting(Call::kind).contains("gate");
		List<Call> cutOff = this.calls.stream().filter((call) -> call.started() < down && call.ended() > stopping).toList();
		List<Call> others = this.calls.stream().filter((call) -> !cutOff.contains(call)).toList();
		assertThat(others).as("an answer, or 503 while the database cannot be reached")
			.allSatisfy((call) -> assertThat(call.status()).as(call.toString()).isIn(200, 201, 503));
		assertThat(cutOff).as("calls in flight while the database stopped")
			.allSatisfy((call) -> assertThat(call.status()).as(call.toString()).isIn(200, 201, 503));
	}

	private void assertAcknowledgedWritesKept(EmbeddedPostgres postgres) throws SQLException {
		try (Connection connection = postgres.getDatabase("postgres", "shipshape").getConnection()) {
			Set<String> releases = strings(connection, "SELECT version FROM releases");
			Set<String> decisions = strings(connection, "SELECT id::text FROM readiness_decisions");
			Set<String> facts = strings(connection, "SELECT name FROM service_facts");
			for (Call call : acknowledged()) {
				switch (call.kind()) {
					case "release" -> assertThat(releases).as(call.toString()).contains(call.key());
					case "gate" -> assertThat(decisions).as(call.toString()).contains(call.key());
					default -> assertThat(facts).as(call.toString()).contains(call.key());
				}
			}
		}
		assertThat(acknowledged()).extracting(Call::kind).contains("gate", "release", "facts");
	}

	private void prepare(ConfigurableApplicationContext portal) throws Exception {
		TestUsers.ensure(portal.getBean(UserAccounts.class), USER, Role.ADMIN);
		portal.getBean(CatalogManagement.class)
			.createTeam(new TeamForm("restart-team", null, null, null, null, null, List.of(), null));
		portal.getBean(CatalogManagement.class)
			.createService(new ServiceForm("restarted", null, null, "restart-team", 1, "production", null, null, null,
					null, null));
		ScorecardManagement scorecards = portal.getBean(ScorecardManagement.class);
		scorecards.create(new NewScorecardForm("restart-gate", "Gate", null, "restart-team", null,
				List.of(new ScorecardForm.LevelForm("bronze", "Minimum bar", true)),
				List.of(new ScorecardForm.RuleForm("tested", "Tested", null, "bronze", "release.facts.testsPassed == true",
						null, null))),
				"test");
		scorecards.publish("restart-gate", "v1", "test");
		HttpResponse<String> release = send(request(portal, "/api/v1/services/restarted/releases")
			.POST(json("{\"version\": \"1.0.0\", \"facts\": {\"testsPassed\": true}}")));
		assertThat(release.statusCode()).isEqualTo(201);
		this.portal = portal;
	}

	private Call callGate(long started) throws Exception {
		HttpResponse<String> response = send(request(this.portal, "/api/v1/services/restarted/releases/1.0.0/gate")
			.POST(HttpRequest.BodyPublishers.noBody()));
		return Call.of("gate", (response.statusCode() == 200) ? match(response.body(), "\"id\":(\\d+)") : null, started,
				response);
	}

	private Call registerRelease(long started) throws Exception {
		String version = "2.0." + this.sequence.incrementAndGet();
		return Call.of("release", version, started, send(request(this.portal, "/api/v1/services/restarted/releases")
			.POST(json("{\"version\": \"" + version + "\"}"))));
	}

	private Call pushFacts(long started) throws Exception {
		String fact = "push" + this.sequence.incrementAndGet();
		return Call.of("facts", fact, started, send(request(this.portal, "/api/v1/services/restarted/facts")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"" + fact + "\": true}"))));
	}

	private Void repeat(String kind, ThrowingCall call) {
		while (this.loaded.get()) {
			long started = System.nanoTime();
			try {
				this.calls.add(call.make(started));
			}
			catch (Exception ex) {
				this.calls.add(new Call(kind, null, started, System.nanoTime(), -1, ex.toString()));
			}
		}
		return null;
	}

	private void awaitAcknowledged(int calls) {
		await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged().size() >= calls);
	}

	private List<Call> acknowledged() {
		return this.calls.stream().filter((call) -> call.status() / 100 == 2).toList();
	}

	private int lastOf(String kind) {
		List<Call> ofKind = this.calls.stream().filter((call) -> call.kind().equals(kind)).toList();
		return ofKind.isEmpty() ? 0 : ofKind.get(ofKind.size() - 1).status();
	}

	private EmbeddedPostgres startPostgres() throws IOException {
		// zonky turns synchronous_commit off for speed; production keeps it on, and so must a test of durability.
		return EmbeddedPostgres.builder()
			.setDataDirectory(this.data)
			.setCleanDataDirectory(false)
			.setPort(this.port)
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("fsync", "on")
			.start();
	}

	private ConfigurableApplicationContext startPortal() {
		return new SpringApplicationBuilder(ShipshapeApplication.class)
			.properties("spring.datasource.url=jdbc:postgresql://localhost:" + this.port + "/shipshape",
					"spring.datasource.username=postgres", "spring.datasource.password=", "server.port=0")
			.run();
	}

	private HttpRequest.Builder request(ConfigurableApplicationContext portal, String path) {
		String basic = Base64.getEncoder().encodeToString((USER + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(uri(portal, path))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/json");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest.BodyPublisher json(String body) {
		return HttpRequest.BodyPublishers.ofString(body);
	}

	private static URI uri(ConfigurableApplicationContext portal, String path) {
		return URI.create("http://localhost:" + portal.getEnvironment().getProperty("local.server.port") + path);
	}

	private static Set<String> strings(Connection connection, String sql) throws SQLException {
		Set<String> values = new HashSet<>();
		try (Statement statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	private static String match(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** The outage lasts a fixed time by design: it is the thing under test, not a wait for a condition. */
	private static void waitUntil(long nanoTime) throws InterruptedException {
		long left = nanoTime - System.nanoTime();
		if (left > 0) {
			TimeUnit.NANOSECONDS.sleep(left);
		}
	}

	/** One call a pipeline made: what, its key (release version, decision id or fact), when, and the answer. */
	record Call(String kind, String key, long started, long ended, int status, String body) {

		static Call of(String kind, String key, long started, HttpResponse<String> response) {
			return new Call(kind, key, started, System.nanoTime(), response.statusCode(), response.body());
		}

		@Override
		public String toString() {
			return this.kind + " " + this.key + " -> " + this.status + " " + abbreviated(this.body);
		}

		private static String abbreviated(String body) {
			return (body == null || body.length() < 300) ? body : body.substring(0, 300) + "…";
		}
	}

	@FunctionalInterface
	interface ThrowingCall {

		Call make(long started) throws Exception;
	}
}
