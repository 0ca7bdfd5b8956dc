package dev.shipshape.bench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.shipshape.scorecard.CompiledScorecard;
import dev.shipshape.scorecard.Outcome;
import dev.shipshape.scorecard.Rule;
import dev.shipshape.scorecard.RuleResult;
import dev.shipshape.scorecard.Scorecard;
import dev.shipshape.scorecard.ScorecardCompiler;
import dev.shipshape.scorecard.Subject;
import dev.shipshape.scorecard.cli.SubjectLines;

/**
 * On the comparison's 10,000 subjects the engine passes each rule for exactly as many subjects as
 * json-rules-engine does ({@code expected-pass-counts-10000.tsv}, copied from the baseline's run).
 * Whole-number facts arrive as integers and the others as doubles, so this checks the engine's
 * numeric comparisons on real data. Where the baseline's own files are present, the test also
 * checks that the Java generator and the rules are still the baseline's.
 */
class BaselinePassCountsTests {

	private static final Path SHARED = Path.of(System.getProperty("baseline.dir", "../../shared/bench/rule-engines"));

	private static final Path WORK = Path.of(System.getProperty("baseline.work", "/tmp/rule-engines-bench"));

	private static List<Subject> subjects;

	private static Scorecard scorecard;

	@BeforeAll
	static void generate() {
		subjects = BaselineSubjects.generate(EngineBenchmarks.SUBJECTS);
		scorecard = BaselineScorecard.read();
	}

	@Test
	void passCountsAreExactlyTheBaselines() throws IOException {
		CompiledScorecard compiled = new ScorecardCompiler().compile(scorecard);
		Map<String, Integer> passes = new LinkedHashMap<>();
		scorecard.rules().forEach((rule) -> passes.put(rule.key(), 0));
		List<String> errors = new ArrayList<>();
		Instant now = Instant.parse("2026-06-01T00:00:00Z");
		for (Subject subject : subjects) {
			for (RuleResult result : compiled.evaluate(subject, List.of(), now).results()) {
				if (result.outcome() == Outcome.PASS) {
					passes.merge(result.ruleKey(), 1, Integer::sum);
				}
				else if (result.outcome() != Outcome.FAIL) {
					errors.add(subject.service().get("name") + " " + result.ruleKey() + ": " + result.reason());
				}
			}
		}
		assertThat(errors).isEmpty();
		assertThat(tsv(passes)).isEqualTo(resource("/expected-pass-counts-10000.tsv"));
	}

	@Test
	void generatedSubjectsAreTheBaselines() throws IOException {
		Path file = WORK.resolve("subjects-10000.jsonl");
		assumeTrue(Files.isReadable(file), "run shared/bench/rule-engines/run.sh to compare with its subjects");
		assertThat(SubjectLines.read(file)).isEqualTo(subjects);
	}

	@Test
	void expectedCountsAreTheBaselines() throws IOException {
		Path file = WORK.resolve("expected-pass-counts-10000.tsv");
		assumeTrue(Files.isReadable(file), "run shared/bench/rule-engines/run.sh to compare with its counts");
		assertThat(Files.readString(file)).isEqualTo(resource("/expected-pass-counts-10000.tsv"));
	}

	@Test
	void rulesAreTheBaselines() throws IOException {
		Path file = SHARED.resolve("rules.cel.tsv");
		assumeTrue(Files.isReadable(file), "the shared baseline is not checked out next to this repository");
		List<String> lines = Files.readAllLines(file).stream().skip(1).filter((line) -> !line.isBlank()).toList();
		assertThat(scorecard.rules()).hasSize(lines.size());
		for (int i = 0; i < lines.size(); i++) {
			String[] columns = lines.get(i).split("\t");
			Rule rule = scorecard.rules().get(i);
			assertThat(List.of(rule.key(), rule.level(), rule.expression())).containsExactly(columns[0], columns[1],
					columns[2]);
		}
	}

	private static String tsv(Map<String, Integer> passes) {
		StringBuilder table = new StringBuilder("rule\tpasses\n");
		passes.forEach((rule, count) -> table.append(rule).append('\t').append(count).append('\n'));
		return table.toString();
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = BaselinePassCountsTests.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
