package dev.shipshape.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.SortNatural;

/** A service in the catalog. Named so that it does not shadow Spring's {@code @Service}. */
@Entity
@Table(name = "services")
class ServiceEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "services_seq")
	@SequenceGenerator(name = "services_seq", sequenceName = "services_seq", allocationSize = 50)
	private Long id;

	private String name;

	@Column(name = "name_key")
	private String nameKey;

	private String title;

	private String description;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "owner_team_id")
	private Team ownerTeam;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "owner_person_id")
	private Person ownerPerson;

	/** The owner as written, kept when it names nothing in the catalog yet. */
	private String ownerReference;

	private Integer tier;

	private String lifecycle;

	private String system;

	/** Name, title, description and system lower-cased by the database, for searching. */
	@Column(name = "search_text", insertable = false, updatable = false)
	private String searchText;

	@ElementCollection
	@CollectionTable(name = "service_tags", joinColumns = @JoinColumn(name = "service_id"))
	@Column(name = "tag")
	@SortNatural
	private Set<String> tags = new TreeSet<>();

	@ElementCollection
	@CollectionTable(name = "service_links", joinColumns = @JoinColumn(name = "service_id"))
	@OrderColumn(name = "position")
	private List<ServiceLink> links = new ArrayList<>();

	@ManyToMany
	@JoinTable(name = "service_dependencies", joinColumns = @JoinColumn(name = "service_id"),
			inverseJoinColumns = @JoinColumn(name = "depends_on_id"))
	private Set<ServiceEntry> dependsOn = new LinkedHashSet<>();

	@Version
	private long version;

	private Instant createdAt;

	private Instant updatedAt;

	protected ServiceEntry() {
	}

	ServiceEntry(String name, Instant now) {
		rename(name);
		this.createdAt = now;
		this.updatedAt = now;
	}

	void rename(String name) {
		this.name = name;
		this.nameKey = CatalogNames.key(name);
	}

	void describe(String title, String description, Integer tier, String lifecycle, String system, Instant now) {
		this.title = title;
		this.description = description;
		this.tier = tier;
		this.lifecycle = lifecycle;
		this.system = system;
		this.updatedAt = now;
	}

	void ownedByTeam(Team team, String reference) {
		this.ownerTeam = team;
		this.ownerPerson = null;
		this.ownerReference = reference;
	}

	void ownedByPerson(Person person, String reference) {
		this.ownerTeam = null;
		this.ownerPerson = person;
		this.ownerReference = reference;
	}

	/** Keeps an owner reference that names nothing in the catalog (yet). */
	void ownedByUnresolved(String reference) {
		this.ownerTeam = null;
		this.ownerPerson = null;
		this.ownerReference = reference;
	}

	void disown() {
		ownedByUnresolved(null);
	}

	void retag(Collection<String> tags) {
		this.tags.clear();
		this.tags.addAll(tags);
	}

	void relink(List<ServiceLink> links) {
		this.links.clear();
		this.links.addAll(links);
	}

	void dependOn(Collection<ServiceEntry> services) {
		if (services.contains(this)) {
			throw new InvalidCatalogEntryException("dependsOn", "service '" + this.name + "' cannot depend on itself");
		}
		this.dependsOn.clear();
		this.dependsOn.addAll(services);
	}

	void forgetDependency(ServiceEntry service) {
		this.dependsOn.remove(service);
	}

	Long getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	String getTitle() {
		return this.title;
	}

	String getDescription() {
		return this.description;
	}

	Team getOwnerTeam() {
		return this.ownerTeam;
	}

	Person getOwnerPerson() {
		return this.ownerPerson;
	}

	String getOwnerReference() {
		return this.ownerReference;
	}

	Integer getTier() {
		return this.tier;
	}

	String getLifecycle() {
		return this.lifecycle;
	}

	String getSystem() {
		return this.system;
	}

	Set<String> getTags() {
		return this.tags;
	}

	List<ServiceLink> getLinks() {
		return this.links;
	}

	List<ServiceEntry> getDependsOnByName() {
		return this.dependsOn.stream()
			.sorted(Comparator.comparing(ServiceEntry::getName, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	long getVersion() {
		return this.version;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}
}
