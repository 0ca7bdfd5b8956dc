package dev.shipshape.catalog.importing;

import java.io.StringWriter;

import dev.shipshape.catalog.CatalogEntryNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
class CatalogExportTests {

	@Autowired
	CatalogImport catalogImport;

	@Autowired
	CatalogExport catalogExport;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void importTheExamples() {
		CatalogTables.empty(this.jdbc);
		this.catalogImport.apply(ImportRequest.of("examples", Fixtures.allExcept(Fixtures.INVALID)));
	}

	@Test
	void importingTheExportChangesNothing() {
		String exported = export(null);
		String before = CatalogTables.fingerprint(this.jdbc);

		ImportPlan plan = this.catalogImport.apply(ImportRequest.of("examples", DescriptorFile.of("export.yaml", exported))
			.pruning());

		assertThat(plan.summary()).isEqualTo(new ImportSummary(0, 0, 22 + 9 + 16, 0, 0, 0, 0));
		assertThat(CatalogTables.fingerprint(this.jdbc)).isEqualTo(before);
		assertThat(export(null)).isEqualTo(exported);
	}

	@Test
	void theExportImportedIntoAnEmptyCatalogExportsTheSame() {
		String exported = export(null);
		CatalogTables.empty(this.jdbc);

		this.catalogImport.apply(ImportRequest.of("copy", DescriptorFile.of("export.yaml", exported)));

		assertThat(export(null)).isEqualTo(exported);
	}

	@Test
	void exportsOneTeamsPart() {
		String exported = export("Team-A");

		assertThat(exported).contains("kind: Group\nmetadata:\n  name: team-a\n")
			.contains("name: breanna.davison")
			.contains("name: artist-lookup")
			.doesNotContain("name: team-b\n")
			.doesNotContain("name: podcast-api");
		assertThat(exported.split("\n---\n")).hasSize(1 + 4 + 5);
	}

	@Test
	void anUnknownTeamIsNotFound() {
		assertThatExceptionOfType(CatalogEntryNotFoundException.class).isThrownBy(() -> export("nobody"));
	}

	private String export(String owner) {
		StringWriter out = new StringWriter();
		this.catalogExport.export(owner, out);
		return out.toString();
	}
}
