package dev.shipshape.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
class CatalogManagementTests {

	@Autowired
	CatalogManagement catalog;

	@Test
	void createsAServiceOwnedByATeamWithLinksTagsAndDependencies() {
		this.catalog.createPerson(new PersonForm("ada.lovelace", "Ada Lovelace", "ada@example.com", null, null));
		this.catalog.createTeam(new TeamForm("payments", "Payments", "payments@example.com", "#payments", null, null,
				List.of("ada.lovelace"), null));
		this.catalog.createService(service("ledger", "payments", List.of()));
		ServiceDetails checkout = this.catalog.createService(new ServiceForm("checkout", "Checkout", "Takes the money",
				"group:payments", 1, "production", "shop", List.of("java", "payments"),
				List.of(new LinkForm("runbook", "https://runbooks.example/checkout", null),
						new LinkForm("oncall", "https://oncall.example/payments", "PagerDuty")),
				List.of("ledger"), null));

		assertThat(checkout.owner().name()).isEqualTo("payments");
		assertThat(checkout.ownerMembers()).extracting(PersonSummary::name).containsExactly("ada.lovelace");
		assertThat(checkout.link(LinkType.RUNBOOK)).map(Link::url).hasValue("https://runbooks.example/checkout");
		assertThat(checkout.dependsOn()).extracting(ServiceSummary::name).containsExactly("ledger");
		assertThat(this.catalog.findDependents("ledger")).extracting(ServiceSummary::name).containsExactly("checkout");
		assertThat(this.catalog.findService("LEDGER")).map((found) -> found.dependents().size()).hasValue(1);
	}

	@Test
	void namesAreUniqueWithoutRegardToCase() {
		this.catalog.createTeam(new TeamForm("Search", null, null, null, null, null, null, null));

		assertThatExceptionOfType(DuplicateCatalogNameException.class)
			.isThrownBy(() -> this.catalog.createTeam(new TeamForm("search", null, null, null, null, null, null, null)))
			.withMessageContaining("'Search' already exists");
	}

	@Test
	void refusesAnOwnerThatDoesNotExistAndWritesNothing() {
		assertThatExceptionOfType(InvalidCatalogEntryException.class)
			.isThrownBy(() -> this.catalog.createService(service("orphan-attempt", "nobody", List.of())))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("owner"));

		assertThat(this.catalog.findService("orphan-attempt")).isEmpty();
	}

	@Test
	void anUnownedServiceIsAllowedAndNeedsAttention() {
		this.catalog.createService(service("stray", null, List.of()));

		assertThat(this.catalog.findService("stray")).map(ServiceDetails::isUnowned).hasValue(true);
		assertThat(this.catalog.findServices(ServiceQuery.needingAttention(), PageRequest.of(0, 50)))
			.extracting(ServiceSummary::name)
			.contains("stray");
	}

	@Test
	void aStaleUpdateIsRefused() {
		ServiceDetails created = this.catalog.createService(service("versioned", null, List.of()));
		ServiceForm first = new ServiceForm("versioned", "First", null, null, 2, null, null, null, null, null,
				created.version());
		this.catalog.updateService("versioned", first);

		assertThatExceptionOfType(StaleCatalogEntryException.class)
			.isThrownBy(() -> this.catalog.updateService("versioned", first));
		assertThat(this.catalog.findService("versioned")).map(ServiceDetails::title).hasValue("First");
	}

	@Test
	void searchFindsAServiceByNameTitleDescriptionSystemOrTagWithoutRegardToCase() {
		this.catalog.createService(new ServiceForm("Zq-Named", null, null, null, null, null, null, null, null, null, null));
		this.catalog.createService(new ServiceForm("zq-titled", "The Zq-Title", null, null, null, null, null, null, null,
				null, null));
		this.catalog.createService(new ServiceForm("zq-described", null, "Keeps the ZQ-DESCRIPTION", null, null, null,
				null, null, null, null, null));
		this.catalog.createService(new ServiceForm("zq-system-member", null, null, null, null, null, "Zq-System", null,
				null, null, null));
		this.catalog.createService(new ServiceForm("zq-tagged", null, null, null, null, null, null,
				List.of("zq-tag", "java"), null, null, null));

		assertThat(searchFor("zq-named")).containsExactly("Zq-Named");
		assertThat(searchFor("zq-title")).containsExactly("zq-titled");
		assertThat(searchFor("Zq-Description")).containsExactly("zq-described");
		assertThat(searchFor("zq-system")).containsExactly("zq-system-member");
		assertThat(searchFor("ZQ-TAG")).containsExactly("zq-tagged");
		assertThat(searchFor("zq-")).hasSize(5);
	}

	@Test
	void searchSeesAnEditedServiceAtOnce() {
		ServiceDetails created = this.catalog.createService(
				new ServiceForm("zr-edited", "Old title", null, null, null, null, null, List.of("zr-old"), null, null, null));

		this.catalog.updateService("zr-edited", new ServiceForm("zr-edited", "Renamed Zr-Title", null, null, null, null,
				null, List.of("zr-new"), null, null, created.version()));

		assertThat(searchFor("old title")).doesNotContain("zr-edited");
		assertThat(searchFor("zr-old")).isEmpty();
		assertThat(searchFor("zr-title")).containsExactly("zr-edited");
		assertThat(searchFor("zr-new")).containsExactly("zr-edited");
	}

	private List<String> searchFor(String text) {
		return this.catalog.findServices(ServiceQuery.text(text), PageRequest.of(0, 50, Sort.by("name")))
			.map(ServiceSummary::name)
			.getContent();
	}

	@Test
	void searchTreatsLikeMetacharactersAsText() {
		this.catalog.createService(new ServiceForm("percent-svc", "100% uptime", null, null, null, null, null, null,
				null, null, null));
		this.catalog.createService(new ServiceForm("plain-svc", "100 uptime", null, null, null, null, null, null, null,
				null, null));

		assertThat(this.catalog.findServices(ServiceQuery.text("100%"), PageRequest.of(0, 10, Sort.by("name"))))
			.extracting(ServiceSummary::name)
			.containsExactly("percent-svc");
	}

	@Test
	void aTeamThatOwnsServicesCannotBeRemoved() {
		this.catalog.createTeam(new TeamForm("owners", null, null, null, null, null, null, null));
		this.catalog.createService(service("owned", "owners", List.of()));

		assertThatExceptionOfType(CatalogConflictException.class).isThrownBy(() -> this.catalog.deleteTeam("owners"));
		assertThat(this.catalog.findTeam("owners")).isPresent();
	}

	@Test
	void aServiceCannotDependOnItself() {
		this.catalog.createService(service("selfish", null, List.of()));

		assertThatExceptionOfType(InvalidCatalogEntryException.class)
			.isThrownBy(() -> this.catalog.updateService("selfish", service("selfish", null, List.of("selfish"))));
	}

	private static ServiceForm service(String name, String owner, List<String> dependsOn) {
		return new ServiceForm(name, null, null, owner, null, null, null, null, null, dependsOn, null);
	}
}
