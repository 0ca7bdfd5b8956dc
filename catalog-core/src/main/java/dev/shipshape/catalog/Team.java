package dev.shipshape.catalog;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "teams")
class Team {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "teams_seq")
	@SequenceGenerator(name = "teams_seq", sequenceName = "teams_seq", allocationSize = 50)
	private Long id;

	private String name;

	@Column(name = "name_key")
	private String nameKey;

	private String displayName;

	private String email;

	private String chatChannel;

	private String description;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "parent_id")
	private Team parent;

	@ManyToMany
	@JoinTable(name = "team_members", joinColumns = @JoinColumn(name = "team_id"),
			inverseJoinColumns = @JoinColumn(name = "person_id"))
	private Set<Person> members = new LinkedHashSet<>();

	@Version
	private long version;

	private Instant createdAt;

	private Instant updatedAt;

	protected Team() {
	}

	Team(String name, Instant now) {
		rename(name);
		this.createdAt = now;
		this.updatedAt = now;
	}

	void rename(String name) {
		this.name = name;
		this.nameKey = CatalogNames.key(name);
	}

	void describe(String displayName, String email, String chatChannel, String description, Instant now) {
		this.displayName = displayName;
		this.email = email;
		this.chatChannel = chatChannel;
		this.description = description;
		this.updatedAt = now;
	}

	/** Moves the team under another one, refusing a parent that would make a cycle. */
	void moveUnder(Team newParent) {
		for (Team ancestor = newParent; ancestor != null; ancestor = ancestor.parent) {
			if (ancestor == this) {
				throw new InvalidCatalogEntryException("parent",
						"team '" + this.name + "' cannot be placed under '" + newParent.name + "': that would make a cycle");
			}
		}
		this.parent = newParent;
	}

	void replaceMembers(Set<Person> people) {
		this.members.clear();
		this.members.addAll(people);
	}

	void addMember(Person person) {
		this.members.add(person);
	}

	void removeMember(Person person) {
		this.members.remove(person);
	}

	Long getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	String getDisplayName() {
		return this.displayName;
	}

	String getEmail() {
		return this.email;
	}

	String getChatChannel() {
		return this.chatChannel;
	}

	String getDescription() {
		return this.description;
	}

	Team getParent() {
		return this.parent;
	}

	List<Person> getMembersByName() {
		return this.members.stream().sorted(Comparator.comparing(Person::getName, String.CASE_INSENSITIVE_ORDER)).toList();
	}

	long getVersion() {
		return this.version;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}
}
