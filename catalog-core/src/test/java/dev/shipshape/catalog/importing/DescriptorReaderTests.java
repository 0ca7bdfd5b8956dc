package dev.shipshape.catalog.importing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DescriptorReaderTests {

	private final DescriptorReader reader = new DescriptorReader(CatalogImportProperties.defaults());

	@Test
	void readsEveryFixtureAndRefusesOnlyTheInvalidComponent() {
		DescriptorReader.Result result = this.reader.read(Fixtures.all());

		assertThat(result.problems()).isEmpty();
		Map<String, Long> byType = result.descriptors()
			.stream()
			.collect(Collectors.groupingBy((d) -> d.getClass().getSimpleName(), Collectors.counting()));
		assertThat(byType).containsEntry("ServiceDescriptor", 22L)
			.containsEntry("TeamDescriptor", 9L)
			.containsEntry("PersonDescriptor", 16L)
			.containsEntry("InvalidDescriptor", 1L);
		InvalidDescriptor invalid = (InvalidDescriptor) result.descriptors()
			.stream()
			.filter(InvalidDescriptor.class::isInstance)
			.findFirst()
			.orElseThrow();
		assertThat(invalid.problems()).extracting(ImportProblem::file, ImportProblem::document, ImportProblem::line,
				ImportProblem::field)
			.contains(org.assertj.core.groups.Tuple.tuple(Fixtures.INVALID, 1, 4, "metadata.name"));
	}

	@Test
	void mapsTheFieldsOfAComponent() {
		ServiceDescriptor artistLookup = services(Fixtures.all()).get("artist-lookup");

		assertThat(artistLookup.values().owner()).isEqualTo("team-a");
		assertThat(artistLookup.owner()).isEqualTo(new Target(Relation.OWNER_TEAM, "team-a"));
		assertThat(artistLookup.values().system()).isEqualTo("artist-engagement-portal");
		assertThat(artistLookup.values().tags()).containsExactly("data", "java");
		assertThat(artistLookup.values().links()).extracting(LinkValue::type)
			.containsExactly("other", "other", "other", "dashboard", "other", "other", "other", "docs");
		assertThat(artistLookup.values().dependsOn()).isEmpty();
		assertThat(artistLookup.notes()).anyMatch((note) -> note.contains("resource:artists-db"));
		assertThat(services(Fixtures.all()).get("playback-order").owner()).isEqualTo(new Target(Relation.OWNER_PERSON, "guest"));
		assertThat(services(Fixtures.all()).get("samdi-api").values().lifecycle()).isEqualTo("sandbox");
	}

	@Test
	void reportsMalformedYamlWithItsLine() {
		List<ImportProblem> problems = problems("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: [a\nspec: {}\n");

		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem.line()).isEqualTo(4);
			assertThat(problem.message()).startsWith("is not valid YAML");
		});
	}

	@Test
	void reportsNonUtf8BytesWithTheirPosition() {
		byte[] latin1 = "apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: j\u00f6rg\n"
			.getBytes(StandardCharsets.ISO_8859_1);

		List<ImportProblem> problems = this.reader.read(List.of(DescriptorFile.of("latin1.yaml", latin1))).problems();

		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem.line()).isEqualTo(4);
			assertThat(problem.message()).contains("not UTF-8").contains("column 10");
		});
	}

	@Test
	void dropsAByteOrderMarkAndFollowsLocationsWithinTheUpload() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] group = "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: payments\n"
			.getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[bom.length + group.length];
		System.arraycopy(bom, 0, withBom, 0, bom.length);
		System.arraycopy(group, 0, withBom, bom.length, group.length);

		DescriptorReader.Result result = this.reader.read(List.of(DescriptorFile.of("org/all.yaml", """
				apiVersion: backstage.io/v1alpha1
				kind: Location
				metadata:
				  name: all
				spec:
				  targets: [./teams/payments.yaml, ../outside.yaml, https://example.com/x.yaml]
				"""), DescriptorFile.of("org/teams/payments.yaml", withBom)));

		assertThat(result.problems()).isEmpty();
		assertThat(result.descriptors()).hasSize(2);
		assertThat(((SkippedDescriptor) result.descriptors().get(0)).reason())
			.isEqualTo("Location: its targets in this upload are imported with it (org/teams/payments.yaml); "
					+ "not fetched, only files of the same upload are read: ../outside.yaml, https://example.com/x.yaml");
		assertThat(((TeamDescriptor) result.descriptors().get(1)).key()).isEqualTo("payments");
	}

	private List<ImportProblem> problems(String yaml) {
		return this.reader.read(List.of(DescriptorFile.of("test.yaml", yaml))).problems();
	}

	private Map<String, ServiceDescriptor> services(List<DescriptorFile> files) {
		return this.reader.read(files)
			.descriptors()
			.stream()
			.filter(ServiceDescriptor.class::isInstance)
			.map(ServiceDescriptor.class::cast)
			.collect(Collectors.toMap(ServiceDescriptor::key, Function.identity()));
	}
}
