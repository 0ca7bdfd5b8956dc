package dev.shipshape.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The owner of a service; for {@link OwnerKind#UNRESOLVED} the name is the reference as written. */
public record Owner(OwnerKind kind, String name, String displayName, String email, String chat) {

	@JsonIgnore
	public boolean isTeam() {
		return this.kind == OwnerKind.TEAM;
	}

	@JsonIgnore
	public boolean isResolved() {
		return this.kind != OwnerKind.UNRESOLVED;
	}

	/** The display name when there is one, else the name. */
	public String label() {
		return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName : this.name;
	}
}
