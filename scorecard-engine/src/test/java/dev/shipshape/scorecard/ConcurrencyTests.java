package dev.shipshape.scorecard;

import static dev.shipshape.scorecard.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ConcurrencyTests {

	@Test
	void oneCompiledScorecardServesManyThreads() throws Exception {
		// A generous time limit: the test machine may be busy, and a rule over time would differ.
		ScorecardCompiler compiler = new ScorecardCompiler(EngineLimits.defaults().withMaxEvaluationTime(Duration.ofMinutes(1)));
		CompiledScorecard compiled = compiler.compile(ReferenceScorecards.productionReadiness());
		List<Subject> subjects = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			Subject subject = Fixtures.subject();
			Fixtures.facts(subject.service()).put("coverage", i * 1.5);
			Fixtures.facts(subject.release()).put("testsPassed", i % 3 != 0);
			if (i % 5 == 0) {
				Fixtures.facts(subject.service()).remove("sloDefined");
			}
			subjects.add(subject);
		}
		List<Evaluation> expected = subjects.stream().map((s) -> compiled.evaluate(s, List.of(), NOW)).toList();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<List<Evaluation>>> futures = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				Callable<List<Evaluation>> task = () -> {
					List<Evaluation> evaluations = new ArrayList<>();
					for (int round = 0; round < 3; round++) {
						for (Subject subject : subjects) {
							evaluations.add(compiled.evaluate(subject, List.of(), NOW));
						}
					}
					return evaluations;
				};
				futures.add(pool.submit(task));
			}
			for (Future<List<Evaluation>> future : futures) {
				List<Evaluation> evaluations = future.get(60, TimeUnit.SECONDS);
				for (int i = 0; i < evaluations.size(); i++) {
					assertThat(evaluations.get(i)).isEqualTo(expected.get(i % subjects.size()));
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
