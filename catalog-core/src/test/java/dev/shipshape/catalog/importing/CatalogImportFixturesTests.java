package dev.shipshape.catalog.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.Owner;
import dev.shipshape.catalog.OwnerKind;
import dev.shipshape.catalog.ServiceDetails;
import dev.shipshape.catalog.ServiceQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The Backstage example descriptors import as the "done when" says. */
@SpringBootTest
class CatalogImportFixturesTests {

	@Autowired
	CatalogImport catalogImport;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void emptyCatalog() {
		CatalogTables.empty(this.jdbc);
	}

	@Test
	void eachFileImportedAsItsOwnSourceIsAcceptedExceptTheInvalidComponent() {
		for (DescriptorFile file : Fixtures.all()) {
			ImportRequest request = ImportRequest.of(file.name(), file);
			if (file.name().equals(Fixtures.INVALID)) {
				String before = CatalogTables.fingerprint(this.jdbc);
				assertThatExceptionOfType(ImportRefusedException.class).isThrownBy(() -> this.catalogImport.apply(request))
					.satisfies((ex) -> assertThat(ex.plan().problems()).anySatisfy((problem) -> {
						assertThat(problem.field()).isEqualTo("metadata.name");
						assertThat(problem.line()).isEqualTo(4);
						assertThat(problem.message()).contains("'invalid component'").contains("letters or digits");
					}));
				assertThat(CatalogTables.fingerprint(this.jdbc)).isEqualTo(before);
			}
			else {
				assertThat(this.catalogImport.apply(request).acceptable()).as(file.name()).isTrue();
			}
		}

		assertThat(counts()).containsExactly(22L, 9L, 16L);
		assertOwnersMatchDescriptors();
		// Files arrived in alphabetical order: each parent and membership resolved whenever its target came.
		assertThat(this.catalog.findTeam("backstage")).hasValueSatisfying((team) -> {
			assertThat(team.parent()).isEqualTo("infrastructure");
			assertThat(team.children()).containsExactlyInAnyOrder("team-a", "team-b");
		});
		assertThat(this.catalog.findTeam("infrastructure")).hasValueSatisfying((team) -> assertThat(team.parent()).isEqualTo("acme-corp"));
		assertThat(this.catalog.findTeam("team-a")).hasValueSatisfying((team) -> assertThat(team.members()).hasSize(4));
		// Only owners that name nothing in the whole set still wait (and show as unresolved).
		assertThat(this.jdbc.queryForList("select distinct relation || ' ' || target_key from catalog_pending_references",
				String.class))
			.containsExactlyInAnyOrder("ownerTeam inpixon", "ownerTeam sre");
	}

	@Test
	void theWholeFolderWithoutTheInvalidComponentImportsInOneRequest() {
		ImportRequest request = ImportRequest.of("backstage-examples", Fixtures.allExcept(Fixtures.INVALID));

		ImportPlan preview = this.catalogImport.preview(request);

		assertThat(preview.acceptable()).isTrue();
		assertThat(created(preview, "service")).isEqualTo(22);
		assertThat(created(preview, "team")).isEqualTo(9);
		assertThat(created(preview, "person")).isEqualTo(16);
		assertThat(preview.summary().skipped()).isEqualTo(20 + 3 + 2 + 1 + 3 + 1 + 1 + 1);
		assertThat(counts()).containsExactly(0L, 0L, 0L);

		ImportPlan applied = this.catalogImport.apply(request);

		assertThat(applied.applied()).isTrue();
		assertThat(applied.summary()).isEqualTo(preview.summary());
		assertThat(counts()).containsExactly(22L, 9L, 16L);
		assertOwnersMatchDescriptors();
		assertThat(this.catalog.findServices(ServiceQuery.needingAttention(), PageRequest.of(0, 50)))
			.extracting((service) -> service.name())
			.contains("analyticsapi", "dream11-svc", "petstore");
	}

	@Test
	void theWholeFolderWithTheInvalidComponentIsRefusedAndWritesNothing() {
		String before = CatalogTables.fingerprint(this.jdbc);

		assertThatExceptionOfType(ImportRefusedException.class)
			.isThrownBy(() -> this.catalogImport.apply(ImportRequest.of("backstage-examples", Fixtures.all())))
			.satisfies((ex) -> assertThat(ex.plan().entities(ImportStatus.INVALID)).singleElement()
				.satisfies((entity) -> assertThat(entity.file()).isEqualTo(Fixtures.INVALID)));

		assertThat(CatalogTables.fingerprint(this.jdbc)).isEqualTo(before);
		assertThat(counts()).containsExactly(0L, 0L, 0L);
	}

	@Test
	void importingTheSameFolderAgainChangesNothing() {
		ImportRequest request = ImportRequest.of("backstage-examples", Fixtures.allExcept(Fixtures.INVALID));
		this.catalogImport.apply(request);
		String before = CatalogTables.fingerprint(this.jdbc);

		ImportPlan again = this.catalogImport.apply(request);

		assertThat(again.summary().unchanged()).isEqualTo(22 + 9 + 16);
		assertThat(again.summary().changed()).isZero();
		assertThat(CatalogTables.fingerprint(this.jdbc)).isEqualTo(before);
	}

	private List<Long> counts() {
		return List.of(count("services"), count("teams"), count("people"));
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

	private static long created(ImportPlan plan, String target) {
		return plan.entities(ImportStatus.CREATED).stream().filter((entity) -> target.equals(entity.target())).count();
	}

	/** Every imported component's owner as the portal shows it is its spec.owner. */
	private void assertOwnersMatchDescriptors() {
		Map<String, String> owners = componentOwners();
		assertThat(owners).hasSize(22);
		owners.forEach((service, owner) -> {
			ServiceDetails details = this.catalog.findService(service).orElseThrow();
			assertThat(written(details.owner())).as(service).isEqualTo(owner);
		});
	}

	private static String written(Owner owner) {
		return switch (owner.kind()) {
			case TEAM -> owner.name();
			case PERSON -> "user:" + owner.name();
			case UNRESOLVED -> owner.name();
		};
	}

	/** spec.owner of every default-namespace Component of the fixtures, read with a plain YAML loader. */
	@SuppressWarnings("unchecked")
	private static Map<String, String> componentOwners() {
		Map<String, String> owners = new HashMap<>();
		for (DescriptorFile file : Fixtures.allExcept(Fixtures.INVALID)) {
			try (InputStream in = file.content().getInputStream()) {
				for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in)) {
					Map<String, Object> entity = (Map<String, Object>) document;
					Map<String, Object> metadata = (Map<String, Object>) entity.get("metadata");
					if ("Component".equals(entity.get("kind")) && metadata.get("namespace") == null) {
						owners.put((String) metadata.get("name"), (String) ((Map<String, Object>) entity.get("spec")).get("owner"));
					}
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return owners;
	}

	static {
		// Keeps the owner kinds in the switch above complete when a new kind is added.
		assertThat(OwnerKind.values()).hasSize(3);
	}
}
