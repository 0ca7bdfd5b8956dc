package dev.shipshape.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScorecardYamlTests {

	private static final String MINIMAL = """
			key: minimal
			name: Minimal
			levels:
			  - key: bronze
			    name: Minimum bar
			    blocking: true
			rules:
			  - key: owner-set
			    title: An owner is set
			    level: bronze
			    expression: service.owner != ""
			""";

	@Test
	void readsAScorecard() {
		Scorecard scorecard = ScorecardYaml.read("""
				key: demo
				name: Demo
				description: A demo.
				appliesTo: service.tier <= 2
				levels:
				  - key: bronze
				    name: Minimum bar
				    blocking: true
				  - key: gold
				    name: Gold
				rules:
				  - key: tagged
				    title: Tagged
				    description: Has tags.
				    level: gold
				    expression: |
				      "payments" in service.tags ||
				        service.tier > 1
				    remediation: Tag it.
				    effectiveFrom: 2027-01-31
				  - key: signed
				    title: Signed
				    level: bronze
				    expression: release.facts.signed
				    effectiveFrom: "2027-02-01T10:00:00+01:00"
				""");
		assertThat(scorecard).isEqualTo(new Scorecard("demo", "Demo", "A demo.", "service.tier <= 2",
				List.of(new Level("bronze", "Minimum bar", true), new Level("gold", "Gold", false)),
				List.of(new Rule("tagged", "Tagged", "Has tags.", "gold",
						"\"payments\" in service.tags ||\n  service.tier > 1\n", "Tag it.",
						Instant.parse("2027-01-31T00:00:00Z")),
						new Rule("signed", "Signed", null, "bronze", "release.facts.signed", null,
								Instant.parse("2027-02-01T09:00:00Z")))));
	}

	@Test
	void writesWhatItReads() {
		Scorecard reference = ReferenceScorecards.productionReadiness();
		String yaml = ScorecardYaml.write(reference);
		assertThat(ScorecardYaml.read(yaml)).isEqualTo(reference);
		assertThat(yaml).startsWith("key: production-readiness\nname: Production readiness\n")
			.contains("levels:\n  - key: bronze\n    name: Minimum bar\n    blocking: true\n")
			.contains("    expression: service.owner != \"\"\n");
	}

	@Test
	void writesTrickyStringsSafely() {
		Scorecard scorecard = new Scorecard("k", "true", "# not a comment", "service.name == 'a: b'",
				List.of(new Level("1", "null", false)), List.of(new Rule("r", "- dash", "multi\nline\n", "1",
						"\"quoted\" == service.name", "@at", Instant.parse("2027-01-01T00:00:00Z"))));
		StringWriter out = new StringWriter();
		ScorecardYaml.write(scorecard, out);
		assertThat(ScorecardYaml.read(out.toString())).isEqualTo(scorecard);
	}

	@Test
	void missingFieldsAreReportedWithTheirPlace() {
		assertThatExceptionOfType(ScorecardYamlException.class).isThrownBy(() -> ScorecardYaml.read(MINIMAL.replace("    level: bronze\n", "")))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo("rules[0].level is required");
				assertThat(ex.line()).isEqualTo(8);
				assertThat(ex.column()).isEqualTo(5);
				assertThat(ex.getMessage()).isEqualTo("line 8, column 5: rules[0].level is required");
			});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			    expression: service.owner != ""   |     expresion: x                       | 11 | 5  | rules[0]: unknown field 'expresion' (expected one of description, effectiveFrom, expression, key, level, remediation, title)
			    blocking: true                    |     blocking: yes please               | 6  | 15 | levels[0].blocking must be true or false, not 'yes please'
			name: Minimal                         | name: [a, b]                           | 2  | 7  | name must be a single value, not a list
			    expression: service.owner != ""   |     expression: x\\n    effectiveFrom: soon | 12 | 20 | rules[0].effectiveFrom must be a date (2027-01-31) or an instant (2027-01-31T00:00:00Z), not 'soon'
			key: minimal                          | key: minimal\\nkey: again              | 2  | 1  | scorecard: field 'key' is repeated
			name: Minimal                         | name: [a, b                            | 3  | 7  | invalid YAML: while parsing a flow sequence, expected ',' or ']', but got :
			""")
	void badDocumentsAreReportedClearly(String replace, String with, int line, int column, String problem) {
		String yaml = MINIMAL.replace(replace.stripTrailing() + "\n", with.replace("\\n", "\n") + "\n");
		assertThatExceptionOfType(ScorecardYamlException.class).isThrownBy(() -> ScorecardYaml.read(yaml))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(problem);
				assertThat(ex.line()).isEqualTo(line);
				assertThat(ex.column()).isEqualTo(column);
			});
	}

	@Test
	void levelsAreRequired() {
		assertThatExceptionOfType(ScorecardYamlException.class)
			.isThrownBy(() -> ScorecardYaml.read("key: k\nname: n\nrules: []\n"))
			.withMessage("line 1, column 1: levels is required");
	}

	@Test
	void documentMustBeAMapping() {
		assertThatExceptionOfType(ScorecardYamlException.class).isThrownBy(() -> ScorecardYaml.read("- a\n- b\n"))
			.withMessage("line 1, column 1: scorecard must be a mapping of fields");
		assertThatExceptionOfType(ScorecardYamlException.class).isThrownBy(() -> ScorecardYaml.read("  \n"))
			.withMessage("the document is empty");
	}

	@Test
	void onlyOneDocumentIsRead() {
		assertThatExceptionOfType(ScorecardYamlException.class)
			.isThrownBy(() -> ScorecardYaml.read(MINIMAL + "---\n" + MINIMAL))
			.satisfies((ex) -> assertThat(ex.problem())
				.isEqualTo("invalid YAML: expected a single document in the stream, but found another document"));
	}

	@Test
	void aliasBombIsRefused() {
		StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
		for (char c = 'b'; c <= 'k'; c++) {
			char previous = (char) (c - 1);
			yaml.append(c).append(": &").append(c).append(" [");
			for (int i = 0; i < 10; i++) {
				yaml.append(i > 0 ? ", " : "").append('*').append(previous);
			}
			yaml.append("]\n");
		}
		assertThatExceptionOfType(ScorecardYamlException.class).isThrownBy(() -> ScorecardYaml.read(yaml.toString()))
			.satisfies((ex) -> assertThat(ex.problem()).contains("Number of aliases for non-scalar nodes exceeds the specified max=10"));
	}

	@Test
	void hugeDocumentIsRefused() {
		String yaml = MINIMAL + "description: " + "x".repeat(ScorecardYaml.MAX_DOCUMENT_CODE_POINTS) + "\n";
		assertThatExceptionOfType(ScorecardYamlException.class).isThrownBy(() -> ScorecardYaml.read(yaml))
			.satisfies((ex) -> assertThat(ex.problem()).contains("exceeds the limit: 1000000 code points"));
	}

	@Test
	void customTagsAreNotInstantiated() {
		assertThatExceptionOfType(ScorecardYamlException.class)
			.isThrownBy(() -> ScorecardYaml.read(MINIMAL.replace("name: Minimal", "name: !!java.io.File /etc/passwd")))
			.isNotNull();
	}

}
