package dev.shipshape.catalog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "people")
class Person {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "people_seq")
	@SequenceGenerator(name = "people_seq", sequenceName = "people_seq", allocationSize = 50)
	private Long id;

	private String name;

	@Column(name = "name_key")
	private String nameKey;

	private String displayName;

	private String email;

	private String chat;

	@Version
	private long version;

	private Instant createdAt;

	private Instant updatedAt;

	protected Person() {
	}

	Person(String name, Instant now) {
		rename(name);
		this.createdAt = now;
		this.updatedAt = now;
	}

	void rename(String name) {
		this.name = name;
		this.nameKey = CatalogNames.key(name);
	}

	void describe(String displayName, String email, String chat, Instant now) {
		this.displayName = displayName;
		this.email = email;
		this.chat = chat;
		this.updatedAt = now;
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

	String getChat() {
		return this.chat;
	}

	long getVersion() {
		return this.version;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}
}
