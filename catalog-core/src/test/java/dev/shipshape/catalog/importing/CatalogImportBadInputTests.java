package dev.shipshape.catalog.importing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;

import static dev.shipshape.catalog.importing.CatalogImportTests.component;
import static dev.shipshape.catalog.importing.CatalogImportTests.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Every kind of bad upload is refused with where the problem is, and leaves the catalog as it was. */
@SpringBootTest
class CatalogImportBadInputTests {

	private static final String HEADER = "apiVersion: backstage.io/v1alpha1\nkind: Component\n";

	@Autowired
	CatalogImport catalogImport;

	@Autowired
	JdbcTemplate jdbc;

	private String before;

	@BeforeEach
	void aCatalogWithContent() {
		CatalogTables.empty(this.jdbc);
		this.catalogImport.apply(CatalogImportTests.request("repo-a", group("payments", "Payments")
				+ component("ledger", "payments", "production")));
		this.before = CatalogTables.fingerprint(this.jdbc);
	}

	@Test
	void malformedYaml() {
		ImportProblem problem = refused(HEADER + "metadata:\n  name: checkout\n  tags: [java\nspec: {}\n");

		assertThat(problem.line()).isEqualTo(6);
		assertThat(problem.message()).startsWith("is not valid YAML");
	}

	@Test
	void wrongTypes() {
		ImportProblem problem = refused(HEADER + "metadata:\n  name: checkout\n  tags: java\nspec:\n  owner: 42\n");

		assertThat(problem.field()).isEqualTo("metadata.tags");
		assertThat(problem.line()).isEqualTo(5);
		assertThat(problem.message()).isEqualTo("must be a list, not text");
		assertThat(refused(HEADER + "metadata:\n  name: checkout\nspec:\n  owner: 42\n").message())
			.isEqualTo("must be text, not a number (write '42' in quotes)");
	}

	@Test
	void missingName() {
		ImportProblem problem = refused(component("ignored", null, "production").replace("  name: ignored\n",
				"  description: no name\n"));

		assertThat(problem.field()).isEqualTo("metadata.name");
		assertThat(problem.message()).isEqualTo("is required");
		assertThat(problem.document()).isEqualTo(1);
		assertThat(problem.line()).isEqualTo(5);
	}

	@Test
	void invalidNames() {
		assertThat(refused(component("-checkout", null, "production")).message()).contains("'-checkout' must be 1 to 63");
		assertThat(refused(component("checkout", "group:bad name", "production")).field()).isEqualTo("spec.owner");
		assertThat(refused(component("checkout", "component:ledger", "production")).message())
			.isEqualTo("'component:ledger' must name a group or a user");
	}

	@Test
	void duplicateEntitiesInOneUpload() {
		ImportRequest request = ImportRequest.of("repo-b", DescriptorFile.of("a.yaml", component("checkout", null, "production")),
				DescriptorFile.of("b.yaml", component("Checkout", null, "production")));

		ImportProblem problem = refusal(request);

		assertThat(problem.file()).isEqualTo("b.yaml");
		assertThat(problem.message()).contains("defined twice").contains("first in a.yaml, document 1");
		assertThat(CatalogTables.fingerprint(this.jdbc)).isEqualTo(this.before);
	}

	@Test
	void aliasBombs() {
		StringBuilder bomb = new StringBuilder(HEADER + "metadata:\n  name: bomb\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol]\n");
		for (int level = 1; level < 10; level++) {
			bomb.append("  a").append(level).append(": &a").append(level).append(" [");
			for (int i = 0; i < 9; i++) {
				bomb.append((i > 0) ? ", " : "").append("*a").append(level - 1);
			}
			bomb.append("]\n");
		}

		ImportProblem problem = refused(bomb.toString());

		assertThat(problem.message()).contains("alias bomb");
		assertThat(problem.document()).isEqualTo(1);
	}

	@Test
	void hugeDocuments() {
		String huge = HEADER + "metadata:\n  name: huge\n  description: " + "x".repeat(1_000_001) + "\n";

		ImportProblem problem = refused(huge);

		assertThat(problem.message()).contains("longer than 1000000 characters");
	}

	@Test
	void nonUtf8Bytes() {
		byte[] latin1 = (HEADER + "metadata:\n  name: checkout\n  description: Caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);

		ImportProblem problem = refusal(ImportRequest.of("repo-b", DescriptorFile.of("latin1.yaml", latin1)));

		assertThat(problem.line()).isEqualTo(5);
		assertThat(problem.message()).contains("not UTF-8").contains("column 19");
		assertThat(CatalogTables.fingerprint(this.jdbc)).isEqualTo(this.before);
	}

	@Test
	void tagsThatWouldConstructObjects() {
		assertThat(refused(HEADER + "metadata:\n  name: !!javax.script.ScriptEngineManager x\n").message())
			.contains("Global tag is not allowed");
		assertThat(refused(HEADER + "metadata:\n  name: !custom checkout\n").message())
			.isEqualTo("the tag !custom is not supported");
	}

	@Test
	void uploadsLargerThanTheLimit(@Autowired CatalogStateLoader states, @Autowired CatalogWriter writer,
			@Autowired ApplicationEventPublisher events, @Autowired PlatformTransactionManager transactions) {
		CatalogImport limited = new CatalogImport(new CatalogImportProperties(DataSize.ofKilobytes(1), 1_000, 20, 40, 200),
				states, writer, events, transactions);
		ImportRequest request = ImportRequest.of("repo-b", DescriptorFile.of("a.yaml", component("a", null, "production")),
				DescriptorFile.of("b.yaml", component("b", null, "production") + "#" + "x".repeat(1024)));

		assertThatExceptionOfType(ImportTooLargeException.class).isThrownBy(() -> limited.apply(request))
			.satisfies((ex) -> assertThat(ex.limit()).isEqualTo(DataSize.ofKilobytes(1)));
		assertThat(CatalogTables.fingerprint(this.jdbc)).isEqualTo(this.before);
	}

	@Test
	void anUploadWithoutFilesEvenWhenPruning() {
		ImportProblem problem = refusal(new ImportRequest("repo-a", List.of(), true, false));

		assertThat(problem.message()).isEqualTo("nothing was uploaded: give at least one file");
	}

	@Test
	void otherKindsAndNamespacesAreSkippedNotRefused() {
		ImportPlan plan = this.catalogImport.apply(ImportRequest.of("repo-b", DescriptorFile.of("catalog-info.yaml", """
				apiVersion: backstage.io/v1alpha1
				kind: API
				metadata:
				  name: ledger-api
				---
				apiVersion: backstage.io/v1alpha1
				kind: Component
				metadata:
				  name: ledger
				  namespace: finance
				spec:
				  owner: payments
				""")));

		assertThat(plan.entities()).extracting(EntityPlan::status).containsOnly(ImportStatus.SKIPPED);
		assertThat(plan.entities().get(1).reason()).contains("namespace 'finance'").contains("default namespace only");
		assertThat(CatalogTables.fingerprint(this.jdbc)).isEqualTo(this.before);
	}

	/** The first problem of a refused one-file upload, after checking it changed nothing. */
	private ImportProblem refused(String yaml) {
		ImportProblem problem = refusal(ImportRequest.of("repo-b", DescriptorFile.of("catalog-info.yaml", yaml)));
		assertThat(problem.file()).isEqualTo("catalog-info.yaml");
		return problem;
	}

	private ImportProblem refusal(ImportRequest request) {
		List<ImportProblem> problems = List.of();
		try {
			this.catalogImport.apply(request);
		}
		catch (ImportRefusedException ex) {
			problems = ex.plan().problems();
		}
		assertThat(problems).as("problems").isNotEmpty();
		assertThat(CatalogTables.fingerprint(this.jdbc)).isEqualTo(this.before);
		return problems.get(0);
	}
}
