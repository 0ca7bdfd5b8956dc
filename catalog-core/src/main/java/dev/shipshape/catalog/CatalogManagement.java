package dev.shipshape.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's public surface: find, create, change and remove teams, people and services.
 * Every method either writes all of its change or, by throwing a {@link CatalogException},
 * nothing.
 */
@Service
@Transactional(readOnly = true)
public class CatalogManagement {

	private static final Map<String, String> SERVICE_SORTS = Map.of("name", "nameKey", "title", "title", "tier", "tier",
			"lifecycle", "lifecycle", "system", "system", "updatedAt", "updatedAt");

	private static final Map<String, String> NAME_SORTS = Map.of("name", "nameKey", "displayName", "displayName");

	private final TeamRepository teams;

	private final PersonRepository people;

	private final ServiceEntryRepository services;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CatalogManagement(TeamRepository teams, PersonRepository people, ServiceEntryRepository services,
			ApplicationEventPublisher events, Clock clock) {
		this.teams = teams;
		this.people = people;
		this.services = services;
		this.events = events;
		this.clock = clock;
	}

	// Services

	public Page<ServiceSummary> findServices(ServiceQuery query, Pageable pageable) {
		return this.services.findAll(ServiceSpecifications.matching(query), sorted(pageable, SERVICE_SORTS))
			.map(CatalogViews::summary);
	}

	/** The first team names in alphabetical order, to choose one in a form or a filter. */
	public List<String> teamNames(int limit) {
		return this.teams.findNames(PageRequest.of(0, limit));
	}

	public Optional<ServiceDetails> findService(String name) {
		return this.services.findByNameKey(CatalogNames.key(name))
			.map((service) -> CatalogViews.details(service, this.services.findDependents(service)));
	}

	public List<ServiceSummary> findDependents(String name) {
		return CatalogViews.summaries(this.services.findDependents(service(name)));
	}

	@Transactional
	public ServiceDetails createService(ServiceForm form) {
		this.services.findByNameKey(CatalogNames.key(form.name())).ifPresent((existing) -> {
			throw new DuplicateCatalogNameException("service", form.name(), existing.getName());
		});
		ServiceEntry service = new ServiceEntry(form.name(), now());
		apply(service, form);
		this.services.save(service);
		this.events.publishEvent(new CatalogEvents.ServiceChanged(service.getName()));
		changed("service", service.getName(), "created", null, EntryValues.of(service));
		return CatalogViews.details(service, List.of());
	}

	@Transactional
	public ServiceDetails updateService(String name, ServiceForm form) {
		ServiceEntry service = service(name);
		checkVersion("service", service.getName(), form.version(), service.getVersion());
		keepName("service", service.getName(), form.name());
		Map<String, Object> before = EntryValues.of(service);
		service.rename(form.name());
		apply(service, form);
		this.services.saveAndFlush(service);
		this.events.publishEvent(new CatalogEvents.ServiceChanged(service.getName()));
		changed("service", service.getName(), "updated", before, EntryValues.of(service));
		return CatalogViews.details(service, this.services.findDependents(service));
	}

	@Transactional
	public void deleteService(String name) {
		ServiceEntry service = service(name);
		Map<String, Object> before = EntryValues.of(service);
		this.services.findDependents(service).forEach((dependent) -> dependent.forgetDependency(service));
		this.services.delete(service);
		this.events.publishEvent(new CatalogEvents.ServiceRemoved(service.getName()));
		changed("service", service.getName(), "deleted", before, null);
	}

	private void apply(ServiceEntry service, ServiceForm form) {
		service.describe(blankToNull(form.title()), blankToNull(form.description()), form.tier(),
				blankToNull(form.lifecycle()), blankToNull(form.system()), now());
		assignOwner(service, form.owner());
		service.retag(new LinkedHashSet<>(form.tags()));
		service.relink(form.links()
			.stream()
			.map((link) -> new ServiceLink(LinkType.parse(link.type()).orElse(LinkType.OTHER), link.url().trim(),
					blankToNull(link.title())))
			.toList());
		service.dependOn(existing("dependsOn", "service", form.dependsOn(), this.services::findByNameKeyIn,
				ServiceEntry::getName));
	}

	private void assignOwner(ServiceEntry service, String owner) {
		if (owner == null || owner.isBlank()) {
			service.disown();
			return;
		}
		// An imported owner that names nothing yet stays when an edit keeps it; it resolves once it exists.
		if (service.getOwnerTeam() == null && service.getOwnerPerson() == null
				&& owner.trim().equals(service.getOwnerReference())) {
			return;
		}
		EntityReference reference = EntityReference.parse(owner, "group");
		if (!reference.isDefaultNamespace()) {
			throw new InvalidCatalogEntryException("owner",
					"owner '" + owner + "' is in namespace '" + reference.namespace() + "'; only the default namespace can own services");
		}
		if (reference.isGroup()) {
			service.ownedByTeam(this.teams.findByNameKey(CatalogNames.key(reference.name()))
				.orElseThrow(() -> new InvalidCatalogEntryException("owner", "No team named '" + reference.name() + "'")),
					null);
		}
		else if (reference.isUser()) {
			service.ownedByPerson(this.people.findByNameKey(CatalogNames.key(reference.name()))
				.orElseThrow(() -> new InvalidCatalogEntryException("owner", "No person named '" + reference.name() + "'")),
					null);
		}
		else {
			throw new InvalidCatalogEntryException("owner",
					"owner '" + owner + "' must name a team (team-a, group:team-a) or a person (user:jane)");
		}
	}

	private ServiceEntry service(String name) {
		return this.services.findByNameKey(CatalogNames.key(name))
			.orElseThrow(() -> new CatalogEntryNotFoundException("service", name));
	}

	// Teams

	public Page<TeamSummary> findTeams(String q, Pageable pageable) {
		Page<Team> page = this.teams.search(LikePatterns.contains(q), sorted(pageable, NAME_SORTS));
		Map<Long, Long> counts = this.services.countByOwnerTeams(page.getContent())
			.stream()
			.collect(Collectors.toMap((row) -> (Long) row[0], (row) -> (Long) row[1]));
		return page.map((team) -> CatalogViews.teamSummary(team, counts.getOrDefault(team.getId(), 0L)));
	}

	public Optional<TeamDetails> findTeam(String name) {
		return this.teams.findByNameKey(CatalogNames.key(name)).map(this::teamDetails);
	}

	/** Whether the person is a member of the team; names are compared without regard to case. */
	public boolean isMember(String personName, String teamName) {
		return this.teams.hasMember(CatalogNames.key(teamName), CatalogNames.key(personName));
	}

	@Transactional
	public TeamDetails createTeam(TeamForm form) {
		this.teams.findByNameKey(CatalogNames.key(form.name())).ifPresent((existing) -> {
			throw new DuplicateCatalogNameException("team", form.name(), existing.getName());
		});
		Team team = new Team(form.name(), now());
		apply(team, form);
		this.teams.save(team);
		changed("team", team.getName(), "created", null, EntryValues.of(team));
		return teamDetails(team);
	}

	@Transactional
	public TeamDetails updateTeam(String name, TeamForm form) {
		Team team = team(name);
		checkVersion("team", team.getName(), form.version(), team.getVersion());
		keepName("team", team.getName(), form.name());
		Map<String, Object> before = EntryValues.of(team);
		team.rename(form.name());
		apply(team, form);
		this.teams.saveAndFlush(team);
		changed("team", team.getName(), "updated", before, EntryValues.of(team));
		this.services.findByOwnerTeamOrderByNameKey(team)
			.forEach((service) -> this.events.publishEvent(new CatalogEvents.ServiceChanged(service.getName())));
		return teamDetails(team);
	}

	@Transactional
	public void deleteTeam(String name) {
		Team team = team(name);
		long owned = this.services.countByOwnerTeam(team);
		if (owned > 0) {
			throw new CatalogConflictException("Team '" + team.getName() + "' owns " + owned
					+ " service(s); give them another owner before removing the team");
		}
		List<Team> children = this.teams.findByParentOrderByNameKey(team);
		if (!children.isEmpty()) {
			throw new CatalogConflictException("Team '" + team.getName() + "' is the parent of "
					+ children.stream().map(Team::getName).collect(Collectors.joining(", "))
					+ "; move those teams first");
		}
		Map<String, Object> before = EntryValues.of(team);
		this.teams.delete(team);
		changed("team", team.getName(), "deleted", before, null);
	}

	private void apply(Team team, TeamForm form) {
		team.describe(blankToNull(form.displayName()), blankToNull(form.email()), blankToNull(form.chatChannel()),
				blankToNull(form.description()), now());
		Team parent = (form.parent() == null || form.parent().isBlank()) ? null
				: this.teams.findByNameKey(CatalogNames.key(form.parent()))
					.orElseThrow(() -> new InvalidCatalogEntryException("parent", "No team named '" + form.parent() + "'"));
		team.moveUnder(parent);
		team.replaceMembers(existing("members", "person", form.members(), this.people::findByNameKeyIn, Person::getName));
	}

	private TeamDetails teamDetails(Team team) {
		return CatalogViews.teamDetails(team, this.teams.findByParentOrderByNameKey(team),
				this.services.findByOwnerTeamOrderByNameKey(team));
	}

	private Team team(String name) {
		return this.teams.findByNameKey(CatalogNames.key(name))
			.orElseThrow(() -> new CatalogEntryNotFoundException("team", name));
	}

	// People

	public Page<PersonSummary> findPeople(String q, Pageable pageable) {
		return this.people.search(LikePatterns.contains(q), sorted(pageable, NAME_SORTS)).map(CatalogViews::person);
	}

	public Optional<PersonDetails> findPerson(String name) {
		return this.people.findByNameKey(CatalogNames.key(name))
			.map((person) -> CatalogViews.personDetails(person, this.teams.findByMember(person),
					this.services.findByOwnerPersonOrderByNameKey(person)));
	}

	@Transactional
	public PersonDetails createPerson(PersonForm form) {
		this.people.findByNameKey(CatalogNames.key(form.name())).ifPresent((existing) -> {
			throw new DuplicateCatalogNameException("person", form.name(), existing.getName());
		});
		Person person = new Person(form.name(), now());
		person.describe(blankToNull(form.displayName()), blankToNull(form.email()), blankToNull(form.chat()), now());
		this.people.save(person);
		changed("person", person.getName(), "created", null, EntryValues.of(person));
		return CatalogViews.personDetails(person, List.of(), List.of());
	}

	@Transactional
	public PersonDetails updatePerson(String name, PersonForm form) {
		Person person = person(name);
		checkVersion("person", person.getName(), form.version(), person.getVersion());
		keepName("person", person.getName(), form.name());
		Map<String, Object> before = EntryValues.of(person);
		person.rename(form.name());
		person.describe(blankToNull(form.displayName()), blankToNull(form.email()), blankToNull(form.chat()), now());
		this.people.saveAndFlush(person);
		changed("person", person.getName(), "updated", before, EntryValues.of(person));
		return CatalogViews.personDetails(person, this.teams.findByMember(person),
				this.services.findByOwnerPersonOrderByNameKey(person));
	}

	@Transactional
	public void deletePerson(String name) {
		Person person = person(name);
		long owned = this.services.countByOwnerPerson(person);
		if (owned > 0) {
			throw new CatalogConflictException("Person '" + person.getName() + "' owns " + owned
					+ " service(s); give them another owner before removing the person");
		}
		Map<String, Object> before = EntryValues.of(person);
		this.teams.findByMember(person).forEach((team) -> team.removeMember(person));
		this.people.delete(person);
		changed("person", person.getName(), "deleted", before, null);
	}

	private Person person(String name) {
		return this.people.findByNameKey(CatalogNames.key(name))
			.orElseThrow(() -> new CatalogEntryNotFoundException("person", name));
	}

	// Shared rules

	private void changed(String type, String name, String action, Map<String, Object> before,
			Map<String, Object> after) {
		this.events.publishEvent(new CatalogEvents.EntryChanged(type, name, action, before, after, null));
	}

	private static void checkVersion(String kind, String name, Long expected, long current) {
		if (expected != null && expected != current) {
			throw new StaleCatalogEntryException(kind, name, expected, current);
		}
	}

	/** Names identify entries everywhere in the portal, so only their letter case may change. */
	private static void keepName(String kind, String current, String requested) {
		if (!CatalogNames.key(current).equals(CatalogNames.key(requested))) {
			throw new InvalidCatalogEntryException("name",
					"The " + kind + " '" + current + "' cannot be renamed to '" + requested + "'; create a new one instead");
		}
	}

	/** Loads the named entries, refusing the request when one of them does not exist. */
	private static <T> Set<T> existing(String field, String kind, Collection<String> names,
			Function<Collection<String>, List<T>> loader, Function<T, String> nameOf) {
		if (names.isEmpty()) {
			return Set.of();
		}
		List<T> found = loader.apply(names.stream().map(CatalogNames::key).toList());
		Set<String> foundKeys = found.stream().map(nameOf).map(CatalogNames::key).collect(Collectors.toSet());
		List<String> missing = names.stream().filter((name) -> !foundKeys.contains(CatalogNames.key(name))).toList();
		if (!missing.isEmpty()) {
			throw new InvalidCatalogEntryException(field, "No " + kind + " named " + missing.stream()
				.map((name) -> "'" + name + "'")
				.collect(Collectors.joining(", ")));
		}
		return new LinkedHashSet<>(found);
	}

	private static Pageable sorted(Pageable pageable, Map<String, String> allowed) {
		Sort sort = Sort.by(pageable.getSort().stream().map((order) -> {
			String property = allowed.get(order.getProperty());
			if (property == null) {
				throw new InvalidCatalogEntryException("sort", "Cannot sort by '" + order.getProperty() + "'; use one of "
						+ String.join(", ", allowed.keySet().stream().sorted().toList()));
			}
			return order.withProperty(property);
		}).toList());
		return PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort.and(Sort.by("nameKey")));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private Instant now() {
		return this.clock.instant();
	}
}
