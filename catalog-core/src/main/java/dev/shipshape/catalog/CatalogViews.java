package dev.shipshape.catalog;

import java.util.List;

/** Maps entities to the records that leave the module. */
final class CatalogViews {

	private CatalogViews() {
	}

	static Owner owner(ServiceEntry service) {
		if (service.getOwnerTeam() != null) {
			Team team = service.getOwnerTeam();
			return new Owner(OwnerKind.TEAM, team.getName(), team.getDisplayName(), team.getEmail(), team.getChatChannel());
		}
		if (service.getOwnerPerson() != null) {
			Person person = service.getOwnerPerson();
			return new Owner(OwnerKind.PERSON, person.getName(), person.getDisplayName(), person.getEmail(),
					person.getChat());
		}
		if (service.getOwnerReference() != null) {
			return new Owner(OwnerKind.UNRESOLVED, service.getOwnerReference(), null, null, null);
		}
		return null;
	}

	static ServiceSummary summary(ServiceEntry service) {
		return new ServiceSummary(service.getName(), service.getTitle(), owner(service), service.getTier(),
				service.getLifecycle(), service.getSystem(), List.copyOf(service.getTags()));
	}

	static List<ServiceSummary> summaries(List<ServiceEntry> services) {
		return services.stream().map(CatalogViews::summary).toList();
	}

	static ServiceDetails details(ServiceEntry service, List<ServiceEntry> dependents) {
		List<PersonSummary> ownerMembers = (service.getOwnerTeam() != null)
				? people(service.getOwnerTeam().getMembersByName()) : List.of();
		List<Link> links = service.getLinks()
			.stream()
			.map((link) -> new Link(link.getType(), link.getUrl(), link.getTitle()))
			.toList();
		return new ServiceDetails(service.getName(), service.getTitle(), service.getDescription(), owner(service),
				service.getTier(), service.getLifecycle(), service.getSystem(), List.copyOf(service.getTags()), links,
				summaries(service.getDependsOnByName()), summaries(dependents), ownerMembers, service.getVersion(),
				service.getCreatedAt(), service.getUpdatedAt());
	}

	static PersonSummary person(Person person) {
		return new PersonSummary(person.getName(), person.getDisplayName(), person.getEmail(), person.getChat());
	}

	static List<PersonSummary> people(List<Person> people) {
		return people.stream().map(CatalogViews::person).toList();
	}

	static TeamSummary teamSummary(Team team, long serviceCount) {
		return new TeamSummary(team.getName(), team.getDisplayName(), team.getEmail(), team.getChatChannel(),
				(team.getParent() != null) ? team.getParent().getName() : null, serviceCount);
	}

	static TeamDetails teamDetails(Team team, List<Team> children, List<ServiceEntry> services) {
		return new TeamDetails(team.getName(), team.getDisplayName(), team.getEmail(), team.getChatChannel(),
				team.getDescription(), (team.getParent() != null) ? team.getParent().getName() : null,
				children.stream().map(Team::getName).toList(), people(team.getMembersByName()), summaries(services),
				team.getVersion(), team.getUpdatedAt());
	}

	static PersonDetails personDetails(Person person, List<Team> teams, List<ServiceEntry> owned) {
		return new PersonDetails(person.getName(), person.getDisplayName(), person.getEmail(), person.getChat(),
				teams.stream().map(Team::getName).toList(), summaries(owned), person.getVersion(), person.getUpdatedAt());
	}
}
