package dev.shipshape.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorecardCliTests {

	private static final String SCORECARD = """
			key: mini
			name: Mini
			levels:
			  - key: bronze
			    name: Minimum bar
			    blocking: true
			  - key: gold
			    name: Gold
			rules:
			  - key: owner-set
			    title: Owner set
			    level: bronze
			    expression: service.owner != ""
			  - key: coverage-80
			    title: Coverage
			    level: bronze
			    expression: service.facts.coverage >= 80.0
			  - key: tests-passed
			    title: Tests passed
			    level: gold
			    expression: release.facts.testsPassed
			""";

	private static final String READY = """
			{"service":{"name":"a","owner":"team-a","facts":{"coverage":80}},"release":{"version":"1.0","facts":{"testsPassed":true}}}""";

	private static final String NOT_READY = """
			{"service":{"name":"b","owner":"","facts":{"coverage":79.5}},"release":{"version":"2.0","facts":{"testsPassed":false}}}""";

	private static final String ERROR = """
			{"service":{"name":"c","owner":"team-c","facts":{}}}""";

	@TempDir
	Path dir;

	private Path scorecard;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeEach
	void writeScorecard() throws IOException {
		this.scorecard = Files.writeString(this.dir.resolve("mini.yaml"), SCORECARD);
	}

	@Test
	void readySubjectsExitZero() throws IOException {
		int status = run("--scorecard", this.scorecard.toString(), "--subjects", subjects(READY).toString());
		assertThat(status).isZero();
		assertThat(out()).isEqualTo("a@1.0\tready\tlevel: gold\tfailing: -\n");
		assertThat(err()).isEqualTo("1 subjects: 1 ready, 0 not ready, 0 not applicable\n");
	}

	@Test
	void subjectNotReadyExitsOneWithItsBlockingFailures() throws IOException {
		int status = run("-s", this.scorecard.toString(), "-i", subjects(READY, NOT_READY, ERROR).toString());
		assertThat(status).isEqualTo(ScorecardCli.NOT_READY);
		assertThat(out()).isEqualTo("""
				a@1.0	ready	level: gold	failing: -
				b@2.0	NOT READY	level: none	failing: owner-set, coverage-80
				c	NOT READY	level: none	failing: coverage-80 (missing fact: service.facts.coverage)
				""");
	}

	@Test
	void noFailReportsButExitsZero() throws IOException {
		assertThat(run("-s", this.scorecard.toString(), "-i", subjects(NOT_READY).toString(), "--no-fail", "--quiet"))
			.isZero();
		assertThat(out()).isEmpty();
		assertThat(err()).contains("1 subjects: 0 ready, 1 not ready");
	}

	@Test
	void passCountsAreWrittenAsTsv() throws IOException {
		Path counts = this.dir.resolve("counts.tsv");
		run("-s", this.scorecard.toString(), "-i", subjects(READY, NOT_READY, ERROR).toString(), "--quiet", "--pass-counts",
				counts.toString());
		assertThat(Files.readString(counts)).isEqualTo("rule\tpasses\nowner-set\t2\ncoverage-80\t1\ntests-passed\t1\n");
	}

	@Test
	void passCountsMayGoToStandardOutput() throws IOException {
		run("-s", this.scorecard.toString(), "-i", subjects(READY).toString(), "--quiet", "--pass-counts", "-");
		assertThat(out()).isEqualTo("rule\tpasses\nowner-set\t1\ncoverage-80\t1\ntests-passed\t1\n");
	}

	@Test
	void subjectsAreReadFromStandardInputByDefault() {
		int status = new ScorecardCli(new ByteArrayInputStream((READY + "\n\n").getBytes(StandardCharsets.UTF_8)),
				print(this.out), print(this.err))
			.run(new String[] { "-s", this.scorecard.toString() });
		assertThat(status).isZero();
		assertThat(out()).startsWith("a@1.0\tready");
	}

	@Test
	void nowIsConfigurable() throws IOException {
		Files.writeString(this.scorecard, SCORECARD.replace("service.owner != \"\"", "now < timestamp(\"2027-01-01T00:00:00Z\")"));
		assertThat(run("-s", this.scorecard.toString(), "-i", subjects(READY).toString(), "--now", "2026-12-31T23:59:59Z"))
			.isZero();
		assertThat(run("-s", this.scorecard.toString(), "-i", subjects(READY).toString(), "--now", "2027-01-01T00:00:00Z"))
			.isEqualTo(ScorecardCli.NOT_READY);
	}

	@Test
	void invalidExpressionIsReportedWithRuleLineAndColumn() throws IOException {
		Files.writeString(this.scorecard, SCORECARD.replace("service.facts.coverage >= 80.0", "service.facts.coverage >="));
		int status = run("-s", this.scorecard.toString(), "-i", subjects(READY).toString());
		assertThat(status).isEqualTo(ScorecardCli.INVALID);
		assertThat(err()).startsWith(this.scorecard + ": rule 'coverage-80' at 1:26: mismatched input '<EOF>'");
		assertThat(out()).isEmpty();
	}

	@Test
	void invalidYamlIsReportedWithLineAndColumn() throws IOException {
		Files.writeString(this.scorecard, SCORECARD.replace("    level: gold\n", "    levle: gold\n"));
		assertThat(run("-s", this.scorecard.toString(), "--check")).isEqualTo(ScorecardCli.INVALID);
		assertThat(err()).startsWith(this.scorecard + ":20:5: rules[2]: unknown field 'levle'");
	}

	@Test
	void checkOnlyValidatesTheScorecard() {
		assertThat(run("-s", this.scorecard.toString(), "--check")).isZero();
		assertThat(out()).isEqualTo(this.scorecard + ": 3 rules, valid\n");
	}

	@Test
	void invalidSubjectLinesAreReportedAndFailTheRun() throws IOException {
		int status = run("-s", this.scorecard.toString(), "-i",
				subjects(READY, "{\"service\": 3}", "not json", "{\"svc\": {}}").toString());
		assertThat(status).isEqualTo(ScorecardCli.INVALID);
		assertThat(out()).startsWith("a@1.0\tready");
		assertThat(err()).contains(":2: field 'service' must be an object")
			.contains(":3: invalid JSON: ")
			.contains(":4: unknown field 'svc' (expected service, release, owner)");
	}

	@Test
	void missingScorecardFileIsReported() {
		assertThat(run("-s", this.dir.resolve("nope.yaml").toString())).isEqualTo(ScorecardCli.INVALID);
		assertThat(err()).contains("nope.yaml");
	}

	@Test
	void usageErrors() {
		assertThat(run()).isEqualTo(ScorecardCli.USAGE);
		assertThat(err()).contains("--scorecard is required");
		assertThat(run("-s")).isEqualTo(ScorecardCli.USAGE);
		assertThat(run("-s", "x", "--bogus")).isEqualTo(ScorecardCli.USAGE);
		assertThat(run("-s", "x", "--now", "yesterday")).isEqualTo(ScorecardCli.USAGE);
		assertThat(run("--help")).isZero();
		assertThat(out()).startsWith("Usage: scorecard --scorecard FILE");
	}

	@Test
	void referenceScorecardRunsFromTheCommandLine() throws IOException {
		Path reference = this.dir.resolve("production-readiness.yaml");
		try (var in = getClass().getResourceAsStream("/dev/shipshape/scorecard/production-readiness.yaml")) {
			Files.copy(in, reference);
		}
		assertThat(run("-s", reference.toString(), "--check")).isZero();
		assertThat(out()).contains("23 rules, valid");
	}

	private int run(String... args) {
		return new ScorecardCli(new ByteArrayInputStream(new byte[0]), print(this.out), print(this.err)).run(args);
	}

	private Path subjects(String... lines) throws IOException {
		List<String> all = new ArrayList<>(List.of(lines));
		return Files.write(this.dir.resolve("subjects.jsonl"), all);
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

	private static PrintStream print(ByteArrayOutputStream target) {
		return new PrintStream(target, true, StandardCharsets.UTF_8);
	}

}
