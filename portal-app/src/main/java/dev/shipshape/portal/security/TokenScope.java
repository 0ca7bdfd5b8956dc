package dev.shipshape.portal.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What an API token may be used for. A token acts for its account, but only within its scopes:
 * each scope names the roles whose powers it may borrow from the account, and becomes the
 * authority {@code SCOPE_<value>} (e.g. {@code SCOPE_facts:write}). Every token may read.
 */
public enum TokenScope {

	/** Changes teams, people and services and imports descriptors. */
	CATALOG_WRITE("catalog:write", "Create, change and remove teams, people and services; import descriptors",
			Role.VIEWER, Role.ADMIN),

	/** Pushes facts about services. */
	FACTS_WRITE("facts:write", "Push facts about services (coverage, vulnerabilities, SLOs …)", Role.VIEWER,
			Role.ADMIN),

	/** Registers releases. */
	RELEASES_WRITE("releases:write", "Register releases and update their facts", Role.VIEWER, Role.RELEASE_MANAGER),

	/** Asks for readiness verdicts and calls the gate. */
	READINESS_READ("readiness:read", "Ask whether a release is ready and call the release gate", Role.VIEWER,
			Role.RELEASE_MANAGER),

	/** Requests exceptions and, where the account may, decides on them. */
	EXCEPTIONS_WRITE("exceptions:write", "Request exceptions, and approve, reject or revoke them where the account may",
			Role.VIEWER, Role.SRE),

	/** Edits, publishes and reverts scorecards. */
	SCORECARDS_WRITE("scorecards:write", "Edit, preview, publish and revert scorecards", Role.VIEWER, Role.ADMIN);

	private final String value;

	private final String description;

	private final Set<Role> admittedRoles;

	TokenScope(String value, String description, Role... admittedRoles) {
		this.value = value;
		this.description = description;
		this.admittedRoles = Set.copyOf(Arrays.asList(admittedRoles));
	}

	/** The name clients send and see, e.g. {@code releases:write}. */
	public String value() {
		return this.value;
	}

	public String description() {
		return this.description;
	}

	/** The authority a token with this scope holds, e.g. {@code SCOPE_releases:write}. */
	public String authority() {
		return "SCOPE_" + this.value;
	}

	/** The roles of its account that a token with this scope may use. */
	public Set<Role> admittedRoles() {
		return this.admittedRoles;
	}

	public static Optional<TokenScope> fromValue(String value) {
		return Arrays.stream(values()).filter((scope) -> scope.value.equals(value)).findFirst();
	}

	/** The scope of this value; a name no scope has is a programming error. */
	public static TokenScope of(String value) {
		return fromValue(value).orElseThrow(() -> new IllegalArgumentException(
				"No token scope '" + value + "'; known: " + Arrays.stream(values()).map(TokenScope::value).toList()));
	}

	/** The roles a token with these scopes may use; every token may read, as a viewer. */
	static Set<Role> admittedBy(Set<TokenScope> scopes) {
		Set<Role> roles = EnumSet.of(Role.VIEWER);
		scopes.forEach((scope) -> roles.addAll(scope.admittedRoles));
		return roles;
	}
}
