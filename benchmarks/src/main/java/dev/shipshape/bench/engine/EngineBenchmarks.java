package dev.shipshape.bench.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.shipshape.scorecard.CompiledScorecard;
import dev.shipshape.scorecard.Evaluation;
import dev.shipshape.scorecard.Rule;
import dev.shipshape.scorecard.Scorecard;
import dev.shipshape.scorecard.ScorecardCompiler;
import dev.shipshape.scorecard.Subject;
import dev.shipshape.scorecard.cli.SubjectLines;

/**
 * Throughput of the scorecard engine, in rule evaluations per second for every benchmark (each
 * declares how many rule evaluations one call makes), so the figures compare directly with
 * json-rules-engine's "rule evaluations/s". Every call is a full {@code evaluate}: converting the
 * subject's JSON values, running the rules, explaining them, computing level and readiness.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class EngineBenchmarks {

	static final int SUBJECTS = 10_000;

	static final int RULES = 30;

	/** JSON-lines file of the comparison's subjects; empty to generate the same subjects in Java. */
	@Param({ "" })
	public String subjectsFile;

	private final Instant now = Instant.parse("2026-06-01T00:00:00Z");

	private CompiledScorecard scorecard;

	private CompiledScorecard singleRule;

	private List<Subject> subjects;

	private Subject subject;

	@Setup
	public void setUp() {
		Scorecard baseline = BaselineScorecard.read();
		ScorecardCompiler compiler = new ScorecardCompiler();
		this.scorecard = compiler.compile(baseline);
		Rule coverage = baseline.rules().stream().filter((rule) -> rule.key().equals("coverage-80")).findFirst().orElseThrow();
		this.singleRule = compiler.compile(new Scorecard("single", "Single rule", null, null, baseline.levels(),
				List.of(coverage)));
		this.subjects = this.subjectsFile.isEmpty() ? BaselineSubjects.generate(SUBJECTS)
				: SubjectLines.read(Path.of(this.subjectsFile));
		if (this.subjects.size() != SUBJECTS || baseline.rules().size() != RULES) {
			throw new IllegalStateException("Expected " + SUBJECTS + " subjects and " + RULES + " rules, got "
					+ this.subjects.size() + " and " + baseline.rules().size());
		}
		this.subject = this.subjects.get(0);
	}

	/** One rule ({@code service.facts.coverage >= 80.0}) on one subject. */
	@Benchmark
	public Evaluation singleRule() {
		return this.singleRule.evaluate(this.subject, List.of(), this.now);
	}

	/** The 30-rule scorecard on one subject. */
	@Benchmark
	@OperationsPerInvocation(RULES)
	public Evaluation scorecardOnOneSubject() {
		return this.scorecard.evaluate(this.subject, List.of(), this.now);
	}

	/** The 30-rule scorecard on each of the 10,000 subjects, release included. */
	@Benchmark
	@OperationsPerInvocation(SUBJECTS * RULES)
	public int scorecardOnTenThousandSubjects() {
		int ready = 0;
		for (Subject each : this.subjects) {
			if (this.scorecard.evaluate(each, List.of(), this.now).ready()) {
				ready++;
			}
		}
		return ready;
	}

}
