package dev.shipshape.bench.suite;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long a fact pushed through the API takes to show in the stored results: the time from
 * sending {@code PATCH /api/v1/services/{name}/facts} to the moment every {@code scorecard_results}
 * row of that service carries a newer {@code evaluated_at} (committed, as pages and the API read
 * it), polled every 2 ms. Pushes go one at a time to different services, a moment apart.
 * <p>
 * With {@code during-run}, every push is made half a second into a full re-evaluation run: the case
 * of a fact pushed just after a scorecard was published.
 * <p>
 * {@code java -cp benchmarks.jar dev.shipshape.bench.suite.FactPushLatency <portal-url> <api-token> <jdbc-url>
 * [pushes] [idle|during-run]} prints a last line {@code RESULT fact-push-<mode> <median ms> <p95 ms> <max ms>}.
 */
public final class FactPushLatency {

	private static final Duration GIVE_UP = Duration.ofSeconds(30);

	private FactPushLatency() {
	}

	public static void main(String[] args) throws Exception {
		String portal = args[0];
		String token = args[1];
		int pushes = (args.length > 3) ? Integer.parseInt(args[3]) : 50;
		String mode = (args.length > 4) ? args[4] : "idle";
		HttpClient http = HttpClient.newHttpClient();
		List<Double> latencies = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(args[2])) {
			for (int i = 0; i < pushes; i++) {
				if (mode.equals("during-run")) {
					startRun(connection);
				}
				String service = "svc-%05d".formatted(1 + (i * 613 + 17) % 10_000);
				latencies.add(push(http, portal, token, connection, service, i));
				Thread.sleep(100);
			}
		}
		latencies.sort(null);
		double median = latencies.get(latencies.size() / 2);
		double p95 = latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1);
		double max = latencies.get(latencies.size() - 1);
		System.out.printf(Locale.ROOT, "%d pushes (%s): median %.0f ms, p95 %.0f ms, max %.0f ms%n", pushes, mode, median,
				p95, max);
		System.out.printf(Locale.ROOT, "RESULT fact-push-%s %.1f %.1f %.1f%n", mode, median, p95, max);
	}

	private static void startRun(Connection connection) throws SQLException, InterruptedException {
		long run = EvaluationRuns.request(connection, "performance suite: pushes during a run");
		while (!EvaluationRuns.started(connection, run)) {
			Thread.sleep(20);
		}
		Thread.sleep(500);
	}

	/** Milliseconds from sending the push to seeing all of the service's results newer than before it. */
	private static double push(HttpClient http, String portal, String token, Connection connection, String service,
			int i) throws Exception {
		Timestamp before = latestEvaluation(connection, service);
		HttpRequest request = HttpRequest.newBuilder(URI.create(portal + "/api/v1/services/" + service + "/facts"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"coverage\": " + (50 + i % 50) + ".5}"))
			.build();
		long start = System.nanoTime();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Pushing facts to " + service + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		while (!allNewerThan(connection, service, before)) {
			if (System.nanoTime() - start > GIVE_UP.toNanos()) {
				throw new IllegalStateException("The results of " + service + " did not change within " + GIVE_UP);
			}
			Thread.sleep(2);
		}
		return (System.nanoTime() - start) / 1e6;
	}

	private static Timestamp latestEvaluation(Connection connection, String service) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT coalesce(max(evaluated_at), '-infinity') FROM scorecard_results WHERE service_key = ?")) {
			statement.setString(1, service);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getTimestamp(1);
			}
		}
	}

	private static boolean allNewerThan(Connection connection, String service, Timestamp before) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT count(*) > 0 AND bool_and(evaluated_at > ?) FROM scorecard_results WHERE service_key = ?""")) {
			statement.setTimestamp(1, before);
			statement.setString(2, service);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}
}
