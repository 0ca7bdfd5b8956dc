package dev.shipshape.bench.suite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A full re-evaluation of the catalog by every active scorecard, carried out by a running portal's
 * results worker exactly as after a publish, next to merely reading the same services and facts
 * over plain JDBC. Round after round it reads, then asks for a run and waits for it; the first
 * round warms up and is not counted. The run's time is its {@code started_at} to
 * {@code finished_at} in {@code evaluation_runs}: evaluating, storing every result, committing.
 * <p>
 * {@code java -cp benchmarks.jar dev.shipshape.bench.suite.FullEvaluationBenchmark <jdbc-url> [rounds]}
 * prints a last line {@code RESULT full-evaluation <run s> <read s> <ratio>} (medians).
 */
public final class FullEvaluationBenchmark {

	private FullEvaluationBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String url = args[0];
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
		List<Double> reads = new ArrayList<>();
		List<Double> runs = new ArrayList<>();
		List<Double> rewrites = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url)) {
			for (int round = 0; round <= rounds; round++) {
				long start = System.nanoTime();
				CatalogRead.Rows rows = CatalogRead.readAll(connection);
				double read = (System.nanoTime() - start) / 1e9;
				EvaluationRuns.Finished run = EvaluationRuns.requestAndWait(connection, "performance suite");
				forgetDigests(connection);
				EvaluationRuns.Finished rewrite = EvaluationRuns.requestAndWait(connection, "performance suite, rewriting");
				System.out.printf(Locale.ROOT,
						"%s: JDBC read of %,d services and %,d tag, link and fact rows %.2f s | full re-evaluation of %,d services "
								+ "%.2f s (ratio %.2f), every result rewritten %.2f s (ratio %.2f)%n",
						(round == 0) ? "warm-up" : "round " + round, rows.services(), rows.others(), read, run.services(),
						run.seconds(), run.seconds() / read, rewrite.seconds(), rewrite.seconds() / read);
				if (round > 0) {
					reads.add(read);
					runs.add(run.seconds());
					rewrites.add(rewrite.seconds());
				}
			}
		}
		double read = median(reads);
		double run = median(runs);
		double rewrite = median(rewrites);
		System.out.printf(Locale.ROOT, "RESULT full-evaluation %.3f %.3f %.2f%n", run, read, run / read);
		System.out.printf(Locale.ROOT, "RESULT full-evaluation-rewritten %.3f %.3f %.2f%n", rewrite, read, rewrite / read);
	}

	/** Makes every stored result look changed to the next run. */
	private static void forgetDigests(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate("UPDATE scorecard_results SET digest = NULL");
			statement.execute("VACUUM scorecard_results");
		}
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		return sorted.get(sorted.size() / 2);
	}
}
