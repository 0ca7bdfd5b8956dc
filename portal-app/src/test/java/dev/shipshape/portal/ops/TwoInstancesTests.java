package dev.shipshape.portal.ops;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import dev.shipshape.ShipshapeApplication;
import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.ServiceFacts;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.ServiceSnapshots;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.scorecards.ActiveScorecards;
import dev.shipshape.portal.scorecards.ActiveScorecards.ActiveScorecard;
import dev.shipshape.portal.scorecards.EvaluationRuns;
import dev.shipshape.portal.scorecards.NewScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardManagement;
import dev.shipshape.portal.scorecards.Subjects;
import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
import dev.shipshape.scorecard.Evaluation;
import dev.shipshape.testsupport.TestPostgres;
import dev.shipshape.testsupport.TestPostgres.TestDatabase;
import dev.shipshape.waivers.ExceptionTarget;
import dev.shipshape.waivers.ExceptionTerms;
import dev.shipshape.waivers.NotificationView;
import dev.shipshape.waivers.WaiverManagement;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.test.util.AopTestUtils;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the portal on one PostgreSQL, as behind a load balancer: scheduled jobs run once
 * across them, a session made on one is good on the other, racing workers never put an older result
 * on top of a newer one, the gate answers the same on both, and webhook notifications go out once
 * although both deliver them.
 */
class TwoInstancesTests {

	private static final String PASSWORD = TestUsers.PASSWORD;

	private static final String RACERS = "service.name.startsWith(\"race-\")";

	private static final Duration SETTLES_WITHIN = Duration.ofSeconds(30);

	private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private static final WebhookReceiver receiver = WebhookReceiver.start();

	private static TestDatabase database;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {
		database = TestPostgres.createDatabase();
		first = start();
		second = start();
		UserAccounts accounts = first.getBean(UserAccounts.class);
		TestUsers.ensure(accounts, "two-admin", Role.ADMIN);
		TestUsers.ensure(accounts, "two-releaser", Role.RELEASE_MANAGER);
		first.getBean(CatalogManagement.class)
			.createTeam(new TeamForm("two-team", null, null, null, null, null, List.of(), null));
	}

	@AfterAll
	static void stopInstances() {
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { second, first }) {
			if (instance != null) {
				instance.close();
			}
		}
		receiver.stop();
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(ShipshapeApplication.class, LockedJob.class)
			.properties("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(), "server.port=0",
					"shipshape.results.poll-interval=200ms", "shipshape.exceptions.webhook.url=" + receiver.url(),
					"shipshape.exceptions.webhook.secret=" + WebhookReceiver.SECRET,
					"shipshape.exceptions.webhook.poll-interval=200ms")
			.run();
	}

	@Test
	void aJobGuardedByShedLockRunsOnceWhenBothInstancesTriggerItAtOnce() throws Exception {
		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService schedulers = Executors.newFixedThreadPool(2);
		List<Future<?>> triggered = new ArrayList<>();
		for (ConfigurableApplicationContext instance : List.of(first, second)) {
			LockedJob job = instance.getBean(LockedJob.class);
			triggered.add(schedulers.submit(() -> {
				together.await();
				job.run();
				return null;
			}));
		}
		for (Future<?> trigger : triggered) {
			trigger.get();
		}
		schedulers.shutdown();

		assertThat(LockedJob.runs.get()).isEqualTo(1);
		assertThat(jdbc(first).queryForObject("SELECT count(*) FROM shedlock WHERE name = 'two-instances-probe'",
				Integer.class)).isEqualTo(1);
	}

	/**
	 * Jobs that must happen once per tick hold a ShedLock lock; the pollers listed here may run on
	 * every instance because they claim their rows with {@code FOR UPDATE SKIP LOCKED} or only read.
	 * A new scheduled method fails this test until it is given a lock or added here with its reason.
	 */
	@Test
	void everyScheduledJobEitherHoldsALockOrClaimsItsWorkRowByRow() {
		Set<String> pollers = Set.of("ResultsWorker.wake", "WebhookDelivery.deliverDue", "ExpiryWatch.check",
				"QueueMetrics.refresh");
		List<String> scheduled = new ArrayList<>();
		for (String name : first.getBeanDefinitionNames()) {
			Class<?> type = ClassUtils.getUserClass(first.getType(name));
			for (Method method : type.getDeclaredMethods()) {
				if (AnnotatedElementUtils.hasAnnotation(method, Scheduled.class)) {
					String job = type.getSimpleName() + "." + method.getName();
					scheduled.add(job);
					assertThat(method.isAnnotationPresent(SchedulerLock.class) || pollers.contains(job))
						.as("%s runs on every instance: give it a @SchedulerLock or claim its work with SKIP LOCKED", job)
						.isTrue();
				}
			}
		}
		assertThat(scheduled).contains("ScheduledEvaluations.safetyNet", "ScheduledEvaluations.dailySnapshot",
				"ResultsWorker.wake");
	}

	@Test
	void aSessionMadeBySigningInOnOneInstanceIsValidOnTheOther() throws Exception {
		HttpResponse<String> loginPage = send(get(first, "/login"));
		String csrf = match(loginPage.body(), "name=\"_csrf\" value=\"([^\"]+)\"");
		String anonymous = sessionCookie(loginPage);

		HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri(first, "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", "SESSION=" + anonymous)
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", "two-admin", "password", PASSWORD,
					"_csrf", csrf))))
			.build());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).doesNotContain("error"));
		String session = sessionCookie(signedIn);
		assertThat(session).isNotEqualTo(anonymous);

		HttpResponse<String> onSecond = send(HttpRequest.newBuilder(uri(second, "/services"))
			.header("Cookie", "SESSION=" + session)
			.build());
		assertThat(onSecond.statusCode()).isEqualTo(200);
		assertThat(onSecond.body()).contains("two-admin");
		assertThat(send(get(second, "/services")).statusCode()).as("without the cookie").isEqualTo(302);
	}

	@Test
	void racingWorkersOnBothInstancesEndAtTheNewestVersionWithTheNewestFactsAndNeverGoBack() throws Exception {
		List<String> services = IntStream.range(0, 60).mapToObj((i) -> "race-" + i).toList();
		for (String service : services) {
			first.getBean(CatalogManagement.class).createService(serviceForm(service));
			first.getBean(ServiceFacts.class).replace(service, Map.of("round", 0), "test");
		}
		createScorecard("race-card", RACERS, "service.facts.round >= 0");
		long scorecardId = first.getBean(ScorecardManagement.class).scorecardId("race-card").orElseThrow();
		await().atMost(SETTLES_WITHIN).untilAsserted(() -> assertThat(stored(scorecardId, services).values())
			.hasSize(services.size())
			.allSatisfy((result) -> assertThat(result.version()).isEqualTo(1)));

		ResultsMonitor monitor = ResultsMonitor.start(scorecardId);
		ExecutorService pushers = Executors.newFixedThreadPool(2);
		List<Future<?>> rounds = new ArrayList<>();
		for (ConfigurableApplicationContext instance : List.of(first, second)) {
			rounds.add(pushers.submit(() -> pushRounds(instance, services, 1, 2)));
		}
		ScorecardManagement scorecards = first.getBean(ScorecardManagement.class);
		scorecards.saveDraft("race-card", draft(RACERS, "service.facts.round == 3"), "test");
		scorecards.publish("race-card", "Only the last round passes", "test");
		for (Future<?> round : rounds) {
			round.get();
		}
		// The last facts go in once the publish's run is over: a run reads facts before it reads the clock.
		await().atMost(SETTLES_WITHIN).until(() -> !first.getBean(EvaluationRuns.class).anyPending());
		rounds.clear();
		for (ConfigurableApplicationContext instance : List.of(first, second)) {
			rounds.add(pushers.submit(() -> pushRounds(instance, services, 3, 3)));
		}
		for (Future<?> round : rounds) {
			round.get();
		}
		pushers.shutdown();

		await().atMost(SETTLES_WITHIN).untilAsserted(() -> assertThat(stored(scorecardId, services).values())
			.hasSize(services.size())
			.allSatisfy((result) -> assertThat(result.version()).isEqualTo(2))
			.allSatisfy((result) -> assertThat(result.ready()).as("evaluated with round 3").isTrue()));
		monitor.stop();
		assertThat(monitor.wentBack).isEmpty();
		assertThat(monitor.versionsSeen).contains(1, 2);
		for (ConfigurableApplicationContext instance : List.of(first, second)) {
			assertThat(instance.getBean(MeterRegistry.class).get("shipshape.results.batch").tag("work", "stale").timer().count())
				.as("both instances recomputed").isPositive();
		}
	}

	@Test
	void theResultStoreRefusesAnOlderVersionAndAnOlderEvaluationButTakesANewerOne() throws Exception {
		first.getBean(CatalogManagement.class).createService(serviceForm("guarded"));
		createScorecard("guard-card", "service.name == \"guarded\"", "true");
		ActiveScorecard version1 = active(first, "guard-card");
		ScorecardManagement scorecards = first.getBean(ScorecardManagement.class);
		scorecards.saveDraft("guard-card", draft("service.name == \"guarded\"", "false"), "test");
		scorecards.publish("guard-card", "v2", "test");
		ActiveScorecard version2 = active(first, "guard-card");
		await().atMost(SETTLES_WITHIN).until(() -> stored(version2.scorecardId()).containsKey("guarded")
				&& stored(version2.scorecardId()).get("guarded").version() == 2);
		Instant newest = stored(version2.scorecardId()).get("guarded").evaluatedAt();

		ResultStoreAccess.of(second).save("guarded", version1, newest.plus(Duration.ofHours(1)));
		assertThat(stored(version2.scorecardId()).get("guarded")).isEqualTo(new Stored(2, false, newest));

		ResultStoreAccess.of(second).save("guarded", version2, newest.minus(Duration.ofHours(1)));
		assertThat(stored(version2.scorecardId()).get("guarded")).isEqualTo(new Stored(2, false, newest));

		Instant later = newest.plus(Duration.ofSeconds(1));
		ResultStoreAccess.of(second).save("guarded", version2, later);
		assertThat(stored(version2.scorecardId()).get("guarded")).isEqualTo(new Stored(2, false, later));
	}

	@Test
	void theGateGivesTheSameVerdictOnEitherInstance() throws Exception {
		first.getBean(CatalogManagement.class).createService(serviceForm("gated"));
		createScorecard("gate-card", "service.name == \"gated\"", "release.facts.testsPassed == true");
		assertThat(send(api(first, "POST", "/api/v1/services/gated/releases",
				"{\"version\": \"1.0.0\", \"facts\": {\"testsPassed\": false}}")).statusCode()).isEqualTo(201);

		for (ConfigurableApplicationContext instance : List.of(first, second)) {
			HttpResponse<String> gate = send(api(instance, "POST", "/api/v1/services/gated/releases/1.0.0/gate", null));
			assertThat(gate.statusCode()).isEqualTo(409);
			assertThat(gate.body()).contains("\"verdict\":\"BLOCKED\"");
		}
		assertThat(send(api(second, "PATCH", "/api/v1/services/gated/releases/1.0.0",
				"{\"facts\": {\"testsPassed\": true}}")).statusCode()).isEqualTo(200);
		for (ConfigurableApplicationContext instance : List.of(second, first)) {
			HttpResponse<String> gate = send(api(instance, "POST", "/api/v1/services/gated/releases/1.0.0/gate", null));
			assertThat(gate.statusCode()).isEqualTo(200);
			assertThat(gate.body()).contains("\"verdict\":\"READY\"");
		}
		JsonNode decisions = first.getBean(JsonMapper.class)
			.readTree(send(api(second, "GET", "/api/v1/services/gated/releases/1.0.0/decisions", null)).body());
		assertThat(decisions.size()).isEqualTo(4);
		assertThat(IntStream.range(0, 4).mapToObj((i) -> decisions.get(i).get("verdict").asString()))
			.containsExactly("READY", "READY", "BLOCKED", "BLOCKED");
	}

	@Test
	void everyNotificationIsDeliveredOnceThoughBothInstancesDeliver() {
		createScorecard("notify-card", "service.name.startsWith(\"notified-\")", "service.facts.ok == true");
		List<String> exceptionIds = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			ConfigurableApplicationContext instance = (i % 2 == 0) ? first : second;
			instance.getBean(CatalogManagement.class).createService(serviceForm("notified-" + i));
			exceptionIds.add(instance.getBean(WaiverManagement.class)
				.grant(new ExceptionTarget("notified-" + i, "notify-card", "the-rule", null),
						new ExceptionTerms("Migrating", "Low", "OPS-2", Duration.ofDays(3), null), "two-admin")
				.id());
		}
		List<String> events = exceptionIds.stream()
			.flatMap((id) -> first.getBean(WaiverManagement.class).notifications(id).stream())
			.map(NotificationView::id)
			.toList();

		// Both instances poll the outbox all along; delivery rounds keep passing while this waits.
		await().atMost(SETTLES_WITHIN)
			.during(Duration.ofSeconds(1))
			.until(() -> receiver.deliveriesPerEvent().keySet().containsAll(events) && receiver.received.size() == 10);
		assertThat(events).hasSize(10);
		assertThat(receiver.deliveriesPerEvent()).containsOnlyKeys(events);
		assertThat(receiver.deliveriesPerEvent().values()).containsOnly(1L);
	}

	private static void pushRounds(ConfigurableApplicationContext instance, List<String> services, int from, int to) {
		ServiceFacts facts = instance.getBean(ServiceFacts.class);
		for (int round = from; round <= to; round++) {
			for (String service : services) {
				facts.merge(service, Map.of("round", round), "test");
			}
		}
	}

	/** A scorecard of one rule that applies only to its own test's services. */
	private static void createScorecard(String key, String appliesTo, String expression) {
		ScorecardForm content = draft(appliesTo, expression);
		ScorecardManagement scorecards = first.getBean(ScorecardManagement.class);
		scorecards.create(new NewScorecardForm(key, key, null, "two-team", appliesTo, content.levels(), content.rules()),
				"test");
		scorecards.publish(key, "v1", "test");
	}

	private static ScorecardForm draft(String appliesTo, String expression) {
		return new ScorecardForm("Two instances", null, "two-team", appliesTo,
				List.of(new ScorecardForm.LevelForm("bronze", "Minimum bar", true)),
				List.of(new ScorecardForm.RuleForm("the-rule", "The rule", null, "bronze", expression, null, null)), null);
	}

	private static ServiceForm serviceForm(String name) {
		return new ServiceForm(name, null, null, "two-team", 2, "production", null, null, null, null, null);
	}

	private static ActiveScorecard active(ConfigurableApplicationContext instance, String key) {
		return instance.getBean(ActiveScorecards.class)
			.current()
			.stream()
			.filter((scorecard) -> scorecard.key().equals(key))
			.findFirst()
			.orElseThrow();
	}

	private static Map<String, Stored> stored(long scorecardId, List<String> services) {
		Map<String, Stored> results = stored(scorecardId);
		results.keySet().retainAll(services);
		return results;
	}

	private static Map<String, Stored> stored(long scorecardId) {
		Map<String, Stored> results = new HashMap<>();
		jdbc(first).query("SELECT service_key, version_number, ready, evaluated_at FROM scorecard_results WHERE scorecard_id = ?",
				(rs) -> {
					results.put(rs.getString(1), new Stored(rs.getInt(2), rs.getBoolean(3), rs.getTimestamp(4).toInstant()));
				}, scorecardId);
		return results;
	}

	private static JdbcTemplate jdbc(ConfigurableApplicationContext instance) {
		return instance.getBean(JdbcTemplate.class);
	}

	private static URI uri(ConfigurableApplicationContext instance, String path) {
		return URI.create("http://localhost:" + instance.getEnvironment().getProperty("local.server.port") + path);
	}

	private static HttpRequest get(ConfigurableApplicationContext instance, String path) {
		return HttpRequest.newBuilder(uri(instance, path)).build();
	}

	private static HttpRequest api(ConfigurableApplicationContext instance, String method, String path, String json) {
		String basic = Base64.getEncoder().encodeToString(("two-releaser:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(uri(instance, path))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/json")
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody())
			.build();
	}

	private static HttpResponse<String> send(HttpRequest request) throws Exception {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String sessionCookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("SESSION="))
			.map((cookie) -> cookie.substring("SESSION=".length(), cookie.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no SESSION cookie in " + response.headers().map()));
	}

	private static String form(Map<String, String> fields) {
		return String.join("&", fields.entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.toList());
	}

	private static String match(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as("%s in the page", regex).isTrue();
		return matcher.group(1);
	}

	/** A service's stored result by one scorecard. */
	record Stored(int version, boolean ready, Instant evaluatedAt) {
	}

	/**
	 * Reads every stored result over and over while the workers race, and notes any that went back
	 * to an older version, or to an older evaluation of the same version.
	 */
	static final class ResultsMonitor {

		final List<String> wentBack = new CopyOnWriteArrayList<>();

		final Set<Integer> versionsSeen = ConcurrentHashMap.newKeySet();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final Thread thread;

		private ResultsMonitor(long scorecardId) {
			Map<String, Stored> last = new HashMap<>();
			this.thread = new Thread(() -> {
				while (this.running.get()) {
					stored(scorecardId).forEach((service, now) -> {
						Stored before = last.put(service, now);
						this.versionsSeen.add(now.version());
						if (before != null && (now.version() < before.version()
								|| (now.version() == before.version() && now.evaluatedAt().isBefore(before.evaluatedAt())))) {
							this.wentBack.add(service + ": " + before + " then " + now);
						}
					});
				}
			}, "results-monitor");
		}

		static ResultsMonitor start(long scorecardId) {
			ResultsMonitor monitor = new ResultsMonitor(scorecardId);
			monitor.thread.start();
			return monitor;
		}

		void stop() throws InterruptedException {
			this.running.set(false);
			this.thread.join();
		}
	}

	/**
	 * The result store of one instance, reached past its package's walls: the upsert guard is what is
	 * under test here, and only the store writes results.
	 */
	record ResultStoreAccess(ConfigurableApplicationContext instance, Object store, Method save,
			Constructor<?> evaluated) {

		static ResultStoreAccess of(ConfigurableApplicationContext instance) throws ReflectiveOperationException {
			Class<?> storeType = Class.forName("dev.shipshape.portal.scorecards.ResultStore");
			Class<?> evaluatedType = Class.forName("dev.shipshape.portal.scorecards.ServiceEvaluations$Evaluated");
			Method save = storeType.getDeclaredMethod("save", List.class);
			save.setAccessible(true);
			Constructor<?> evaluated = evaluatedType.getDeclaredConstructor(String.class, ActiveScorecard.class,
					Evaluation.class);
			evaluated.setAccessible(true);
			return new ResultStoreAccess(instance, AopTestUtils.getUltimateTargetObject(instance.getBean(storeType)), save,
					evaluated);
		}

		void save(String service, ActiveScorecard scorecard, Instant at) throws ReflectiveOperationException {
			var snapshot = this.instance.getBean(ServiceSnapshots.class).find(List.of(service)).get(0);
			Evaluation evaluation = scorecard.compiled().evaluate(Subjects.of(snapshot), List.of(), at);
			this.save.invoke(this.store, List.of(this.evaluated.newInstance(snapshot.key(), scorecard, evaluation)));
		}
	}

	/** A scheduled job as the portal writes them, locked across instances; counts how often it really ran. */
	static class LockedJob {

		static final AtomicInteger runs = new AtomicInteger();

		@SchedulerLock(name = "two-instances-probe", lockAtLeastFor = "PT1M")
		public void run() {
			runs.incrementAndGet();
		}
	}
}
