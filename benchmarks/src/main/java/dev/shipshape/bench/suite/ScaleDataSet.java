package dev.shipshape.bench.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import dev.shipshape.bench.engine.BaselineScorecard;
import dev.shipshape.scorecard.Diagnostic;
import dev.shipshape.scorecard.ReferenceScorecards;
import dev.shipshape.scorecard.Scorecard;
import dev.shipshape.scorecard.ScorecardCompiler;
import dev.shipshape.scorecard.ScorecardYaml;

/**
 * The performance suite's data set at the scale the portal is sized for: 10,000 services, 1,000
 * teams, 1,000,000 releases and three published scorecards of 30 rules each. It writes into a
 * database the portal has migrated and nothing else has written to, and marks the database with a
 * comment, so that the suite seeds once and reuses the data afterwards.
 * <p>
 * {@code java -cp benchmarks.jar dev.shipshape.bench.suite.ScaleDataSet check|seed <jdbc-url>}:
 * {@code check} exits with 0 when the database holds this data set, 1 otherwise.
 */
public final class ScaleDataSet {

	/** Changes whenever the data set does, so that an old one is seeded again. */
	static final String MARKER = "shipshape performance suite data set, version 1";

	private ScaleDataSet() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 2 || !List.of("check", "seed").contains(args[0])) {
			System.err.println("Usage: ScaleDataSet check|seed <jdbc-url>");
			System.exit(64);
		}
		if (args[0].equals("check")) {
			System.exit(seeded(args[1]) ? 0 : 1);
		}
		try (Connection connection = DriverManager.getConnection(args[1])) {
			seed(connection);
		}
	}

	private static boolean seeded(String url) {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement();
				ResultSet comment = statement.executeQuery(
						"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()")) {
			return comment.next() && MARKER.equals(comment.getString(1));
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static void seed(Connection connection) throws SQLException {
		long start = System.nanoTime();
		if (count(connection, "SELECT count(*) FROM services") > 0) {
			throw new IllegalStateException("The database holds services already; seed a freshly migrated one");
		}
		for (Step step : steps(resource("/suite/seed.sql"))) {
			timed(step.label(), () -> execute(connection, step.sql()));
		}
		timed("scorecards", () -> insertScorecards(connection));
		timed("vacuum and analyze", () -> execute(connection, "VACUUM ANALYZE"));
		execute(connection, "COMMENT ON DATABASE \"" + currentDatabase(connection) + "\" IS '" + MARKER + "'");
		System.out.printf(Locale.ROOT, "Seeded %,d services, %,d teams, %,d releases, %,d facts in %.0f s%n",
				count(connection, "SELECT count(*) FROM services"), count(connection, "SELECT count(*) FROM teams"),
				count(connection, "SELECT count(*) FROM releases"), count(connection, "SELECT count(*) FROM service_facts"),
				(System.nanoTime() - start) / 1e9);
	}

	/** The three scorecards, each published as version 1 with a draft equal to it. */
	static List<Scorecard> scorecards() {
		Scorecard reference = ReferenceScorecards.productionReadiness();
		Scorecard extra = ScorecardYaml.read(resource("/suite/production-readiness-extra.yaml"));
		Scorecard readiness = new Scorecard(reference.key(), reference.name(), reference.description(),
				reference.appliesTo(), reference.levels(),
				Stream.concat(reference.rules().stream(), extra.rules().stream()).toList());
		return List.of(readiness, BaselineScorecard.read(),
				ScorecardYaml.read(resource("/suite/operational-excellence.yaml")));
	}

	private static void insertScorecards(Connection connection) throws SQLException {
		ScorecardCompiler compiler = new ScorecardCompiler();
		for (Scorecard scorecard : scorecards()) {
			List<Diagnostic> problems = compiler.validate(scorecard);
			if (!problems.isEmpty() || scorecard.rules().size() != 30) {
				throw new IllegalStateException("Scorecard " + scorecard.key() + " has " + scorecard.rules().size()
						+ " rules and these problems: " + problems);
			}
			String document = ScorecardYaml.write(scorecard);
			long id;
			try (PreparedStatement insert = connection.prepareStatement(
					"INSERT INTO scorecards (key, created_by, created_at) VALUES (?, 'performance-suite', now()) RETURNING id")) {
				insert.setString(1, scorecard.key());
				try (ResultSet rs = insert.executeQuery()) {
					rs.next();
					id = rs.getLong(1);
				}
			}
			update(connection, """
					INSERT INTO scorecard_drafts (scorecard_id, owner_team, document, updated_by, updated_at)
					VALUES (?, 'team-0001', ?, 'performance-suite', now())""", id, document);
			update(connection, """
					INSERT INTO scorecard_versions (scorecard_id, number, owner_team, document, note, published_by, published_at)
					VALUES (?, 1, 'team-0001', ?, 'Published by the performance suite', 'performance-suite', now())""", id,
					document);
		}
	}

	private record Step(String label, String sql) {
	}

	/** Statements end with a semicolon at the end of a line; a "-- step:" comment names those after it. */
	static List<Step> steps(String script) {
		List<Step> steps = new ArrayList<>();
		String label = "setup";
		StringBuilder statement = new StringBuilder();
		for (String line : script.split("\n")) {
			if (line.startsWith("-- step:")) {
				label = line.substring("-- step:".length()).trim();
			}
			else if (!line.startsWith("--")) {
				statement.append(line).append('\n');
			}
			if (line.stripTrailing().endsWith(";")) {
				steps.add(new Step(label, statement.toString()));
				statement.setLength(0);
			}
		}
		return steps;
	}

	private static void timed(String label, SqlAction action) throws SQLException {
		long start = System.nanoTime();
		action.run();
		System.out.printf(Locale.ROOT, "  %-60s %6.1f s%n", label, (System.nanoTime() - start) / 1e9);
	}

	@FunctionalInterface
	private interface SqlAction {

		void run() throws SQLException;

	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			statement.executeUpdate();
		}
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static String currentDatabase(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT current_database()")) {
			rs.next();
			return rs.getString(1);
		}
	}

	static String resource(String name) {
		try (InputStream in = ScaleDataSet.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
