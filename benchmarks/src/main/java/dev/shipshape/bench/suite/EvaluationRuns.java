package dev.shipshape.bench.suite;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Full re-evaluation runs, requested as the portal's safety net requests them (a row in
 * {@code evaluation_runs} that a worker claims at its next poll), and how they went.
 */
final class EvaluationRuns {

	private EvaluationRuns() {
	}

	record Finished(long id, double seconds, int services) {
	}

	/** Requests a run of every active scorecard on every service. */
	static long request(Connection connection, String reason) throws SQLException {
		try (var statement = connection.prepareStatement("""
				INSERT INTO evaluation_runs (scorecard_id, version_number, reason, requested_at)
				VALUES (NULL, NULL, ?, now()) RETURNING id""")) {
			statement.setString(1, reason);
			try (var rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	static Finished requestAndWait(Connection connection, String reason) throws SQLException, InterruptedException {
		long id = request(connection, reason);
		long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000;
		while (System.nanoTime() < deadline) {
			try (var statement = connection.prepareStatement("""
					SELECT extract(epoch FROM finished_at - started_at), done, failure
					FROM evaluation_runs WHERE id = ? AND finished_at IS NOT NULL""")) {
				statement.setLong(1, id);
				try (var rs = statement.executeQuery()) {
					if (rs.next()) {
						if (rs.getString(3) != null) {
							throw new IllegalStateException("Run " + id + " failed: " + rs.getString(3));
						}
						return new Finished(id, rs.getDouble(1), rs.getInt(2));
					}
				}
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("Run " + id + " did not finish within 30 minutes: is the portal running?");
	}

	/** Whether the run has been claimed by a worker and is under way. */
	static boolean started(Connection connection, long id) throws SQLException {
		try (var statement = connection
			.prepareStatement("SELECT started_at IS NOT NULL AND finished_at IS NULL FROM evaluation_runs WHERE id = ?")) {
			statement.setLong(1, id);
			try (var rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}
}
