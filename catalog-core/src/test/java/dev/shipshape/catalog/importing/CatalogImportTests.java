package dev.shipshape.catalog.importing;

import java.util.List;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.OwnerKind;
import dev.shipshape.catalog.PersonSummary;
import dev.shipshape.catalog.ServiceDetails;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.TeamDetails;
import dev.shipshape.catalog.TeamForm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Sync by source: updates, hand edits, references that arrive later, pruning. */
@SpringBootTest
class CatalogImportTests {

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
	void aPreviewWritesNothingAndNamesTheChangedFields() {
		apply("repo-a", group("payments", "Payments") + component("ledger", "payments", "production"));
		String before = CatalogTables.fingerprint(this.jdbc);

		ImportPlan plan = this.catalogImport.preview(request("repo-a",
				group("payments", "Payments team") + component("ledger", "payments", "deprecated")
						+ component("checkout", "payments", "production")));

		assertThat(CatalogTables.fingerprint(this.jdbc)).isEqualTo(before);
		assertThat(plan.entities()).extracting(EntityPlan::name, EntityPlan::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("payments", ImportStatus.UPDATED),
					org.assertj.core.groups.Tuple.tuple("ledger", ImportStatus.UPDATED),
					org.assertj.core.groups.Tuple.tuple("checkout", ImportStatus.CREATED));
		assertThat(plan.entities().get(0).changes())
			.containsExactly(new FieldChange("displayName", "Payments", "Payments team"));
		assertThat(plan.entities().get(1).changes())
			.containsExactly(new FieldChange("lifecycle", "production", "deprecated"));
	}

	@Test
	void aHandEditIsAConflictThatTheImportKeepsUnlessItOverwrites() {
		apply("repo-a", group("payments", "Payments"));
		TeamDetails team = this.catalog.findTeam("payments").orElseThrow();
		this.catalog.updateTeam("payments", new TeamForm("payments", "Money people", team.email(), "#money",
				team.description(), team.parent(), List.of(), team.version()));
		ImportRequest changed = request("repo-a", group("payments", "Payments squad"));

		ImportPlan kept = this.catalogImport.apply(changed);

		assertThat(kept.entities()).singleElement().satisfies((entity) -> {
			assertThat(entity.status()).isEqualTo(ImportStatus.CONFLICT);
			assertThat(entity.changes()).containsExactly(new FieldChange("displayName", "Payments", "Money people"));
			assertThat(entity.reason()).contains("edited by hand");
		});
		assertThat(this.catalog.findTeam("payments")).map(TeamDetails::displayName).hasValue("Money people");

		this.catalogImport.apply(changed.overwriting());

		assertThat(this.catalog.findTeam("payments")).map(TeamDetails::displayName).hasValue("Payments squad");
		assertThat(this.catalogImport.preview(changed).summary().unchanged()).isEqualTo(1);
	}

	@Test
	void anEntryCreatedByHandOrByAnotherSourceIsAConflict() {
		this.catalog.createTeam(new TeamForm("search", "Search", null, null, null, null, List.of(), null));
		apply("repo-a", component("indexer", null, "production"));

		ImportPlan plan = this.catalogImport.preview(request("repo-b", group("search", "Search team")
				+ component("indexer", null, "experimental")));

		assertThat(plan.entities()).extracting(EntityPlan::status).containsOnly(ImportStatus.CONFLICT);
		assertThat(plan.entities().get(0).reason()).contains("created by hand");
		assertThat(plan.entities().get(1).reason()).contains("imported from source 'repo-a'");
	}

	@Test
	void aPersonImportedBeforeTheirTeamBecomesAMemberWhenTheTeamArrives() {
		apply("people", user("jane", "payments"));
		assertThat(this.catalog.findPerson("jane")).hasValueSatisfying((jane) -> assertThat(jane.teams()).isEmpty());

		ImportPlan plan = apply("teams", group("payments", "Payments"));

		assertThat(plan.resolved()).containsExactly(new ResolvedReference("person:jane", "memberOf", "team:payments"));
		assertThat(this.catalog.findTeam("payments").orElseThrow().members()).extracting(PersonSummary::name)
			.containsExactly("jane");
	}

	@Test
	void reimportingMovesAPersonToTheTeamsTheyNowNameAndKeepsMembershipsAddedByHand() {
		apply("org", group("alpha", "Alpha") + group("beta", "Beta") + group("gamma", "Gamma") + user("jane", "alpha"));
		TeamDetails gamma = this.catalog.findTeam("gamma").orElseThrow();
		this.catalog.updateTeam("gamma", new TeamForm("gamma", gamma.displayName(), null, null, null, null,
				List.of("jane"), gamma.version()));

		ImportPlan plan = apply("org", group("alpha", "Alpha") + group("beta", "Beta") + group("gamma", "Gamma")
				+ user("jane", "beta"));

		assertThat(plan.entities(ImportStatus.UPDATED)).singleElement()
			.satisfies((jane) -> assertThat(jane.changes()).containsExactly(new FieldChange("memberOf", "alpha, gamma", "beta, gamma")));
		assertThat(this.catalog.findPerson("jane").orElseThrow().teams()).containsExactly("beta", "gamma");
	}

	@Test
	void anOwnerInAnotherNamespaceNeverTakesTheDefaultTeamOfTheSameName() {
		apply("org", group("payments", "Payments"));

		ImportPlan plan = apply("repo", component("ledger", "group:finance/payments", "production"));

		assertThat(this.catalog.findService("ledger").orElseThrow().owner()).satisfies((owner) -> {
			assertThat(owner.kind()).isEqualTo(OwnerKind.UNRESOLVED);
			assertThat(owner.name()).isEqualTo("group:finance/payments");
		});
		assertThat(plan.entities().get(0).notes()).singleElement().asString().contains("namespace 'finance'");
	}

	@Test
	void anOwnerImportedLaterResolvesThenAndADanglingOneStaysVisible() {
		apply("services", component("ledger", "payments", "production") + component("orphan", "nobody", "production"));
		assertThat(owner("ledger")).isEqualTo(OwnerKind.UNRESOLVED);

		apply("teams", group("payments", "Payments"));

		assertThat(owner("ledger")).isEqualTo(OwnerKind.TEAM);
		assertThat(this.catalog.findService("orphan").orElseThrow().owner())
			.satisfies((owner) -> assertThat(owner.kind()).isEqualTo(OwnerKind.UNRESOLVED))
			.satisfies((owner) -> assertThat(owner.name()).isEqualTo("nobody"));
		assertThat(this.catalogImport.preview(request("services",
				component("ledger", "payments", "production") + component("orphan", "nobody", "production")))
			.summary()
			.unchanged()).isEqualTo(2);
	}

	@Test
	void aHandEditKeepsAnUnresolvedOwnerThatResolvesLater() {
		apply("services", component("ledger", "payments", "production"));
		ServiceForm form = ServiceForm.of(this.catalog.findService("ledger").orElseThrow());

		this.catalog.updateService("ledger", new ServiceForm(form.name(), "Ledger", form.description(), form.owner(),
				form.tier(), form.lifecycle(), form.system(), form.tags(), form.links(), form.dependsOn(), form.version()));
		apply("teams", group("payments", "Payments"));

		assertThat(this.catalog.findService("ledger").orElseThrow()).satisfies((ledger) -> {
			assertThat(ledger.title()).isEqualTo("Ledger");
			assertThat(ledger.owner().kind()).isEqualTo(OwnerKind.TEAM);
		});
	}

	@Test
	void pruningRemovesWhatIsGoneFromTheSourceAfterShowingIt() {
		apply("repo-a", group("payments", "Payments") + component("ledger", "payments", "production")
				+ component("legacy", "payments", "deprecated"));
		ImportRequest withoutLegacy = request("repo-a", group("payments", "Payments")
				+ component("ledger", "payments", "production")).pruning();

		ImportPlan preview = this.catalogImport.preview(withoutLegacy);

		assertThat(preview.entities(ImportStatus.REMOVED)).extracting(EntityPlan::name).containsExactly("legacy");
		assertThat(this.catalog.findService("legacy")).isPresent();

		this.catalogImport.apply(withoutLegacy);

		assertThat(this.catalog.findService("legacy")).isEmpty();
		assertThat(this.catalog.findService("ledger")).isPresent();
	}

	@Test
	void pruningATeamLeavesItsServicesVisiblyUnresolvedUntilItComesBack() {
		apply("org", group("payments", "Payments"));
		apply("repo-a", component("ledger", "payments", "production"));

		this.catalogImport.apply(request("org", group("search", "Search")).pruning());

		assertThat(this.catalog.findTeam("payments")).isEmpty();
		assertThat(owner("ledger")).isEqualTo(OwnerKind.UNRESOLVED);

		apply("org", group("payments", "Payments"));

		assertThat(owner("ledger")).isEqualTo(OwnerKind.TEAM);
	}

	@Test
	void aHandEditedServiceIsNotPruned() {
		apply("repo-a", component("ledger", null, "production"));
		ServiceDetails ledger = this.catalog.findService("ledger").orElseThrow();
		ServiceForm form = ServiceForm.of(ledger);
		this.catalog.updateService("ledger", new ServiceForm(form.name(), "Ledger", form.description(), form.owner(), 1,
				form.lifecycle(), form.system(), form.tags(), form.links(), form.dependsOn(), form.version()));

		ImportPlan plan = this.catalogImport.apply(request("repo-a", group("payments", "Payments")).pruning());

		assertThat(plan.entities(ImportStatus.CONFLICT)).singleElement()
			.satisfies((entity) -> assertThat(entity.changes()).extracting(FieldChange::field).containsExactly("title", "tier"));
		assertThat(this.catalog.findService("ledger")).isPresent();
	}

	@Test
	void parentsThatMakeACycleAreRefused() {
		String before = CatalogTables.fingerprint(this.jdbc);

		assertThatExceptionOfType(ImportRefusedException.class)
			.isThrownBy(() -> apply("org", group("a", "A") + "  parent: b\n" + group("b", "B") + "  parent: a\n"))
			.satisfies((ex) -> assertThat(ex.plan().problems()).first().satisfies((problem) -> {
				assertThat(problem.field()).isEqualTo("spec.parent");
				assertThat(problem.message()).contains("cycle of teams: a → b → a");
			}));
		assertThat(CatalogTables.fingerprint(this.jdbc)).isEqualTo(before);
	}

	@Test
	void aPendingParentThatWouldMakeACycleKeepsWaiting() {
		apply("org", group("a", "A") + "  parent: b\n");

		apply("org-2", group("b", "B") + "  parent: a\n");

		assertThat(this.catalog.findTeam("b")).map(TeamDetails::parent).hasValue("a");
		assertThat(this.catalog.findTeam("a")).map(TeamDetails::parent).isEmpty();
	}

	private OwnerKind owner(String service) {
		return this.catalog.findService(service).orElseThrow().owner().kind();
	}

	private ImportPlan apply(String source, String yaml) {
		return this.catalogImport.apply(request(source, yaml));
	}

	static ImportRequest request(String source, String yaml) {
		return ImportRequest.of(source, DescriptorFile.of("catalog-info.yaml", yaml));
	}

	static String group(String name, String displayName) {
		return """
				---
				apiVersion: backstage.io/v1alpha1
				kind: Group
				metadata:
				  name: %s
				spec:
				  type: team
				  profile:
				    displayName: %s
				  children: []
				""".formatted(name, displayName);
	}

	static String user(String name, String team) {
		return """
				---
				apiVersion: backstage.io/v1alpha1
				kind: User
				metadata:
				  name: %s
				spec:
				  memberOf: [%s]
				""".formatted(name, team);
	}

	static String component(String name, String owner, String lifecycle) {
		return """
				---
				apiVersion: backstage.io/v1alpha1
				kind: Component
				metadata:
				  name: %s
				spec:
				  type: service
				  lifecycle: %s
				""".formatted(name, lifecycle) + ((owner != null) ? "  owner: " + owner + "\n" : "");
	}
}
