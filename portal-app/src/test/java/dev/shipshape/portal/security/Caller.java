package dev.shipshape.portal.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who calls, as the columns of the permission matrix: nobody, a person of each role (one of them a
 * member of the team that owns the fixtures), and an administrator's API token of each scope, so
 * that only its scope limits what a token may do.
 */
enum Caller {

	ANONYMOUS("anonymous", null, null, null),

	VIEWER("viewer", "pm-viewer", Role.VIEWER, null),

	MEMBER("member", "pm-member", Role.VIEWER, null),

	RELEASE_MANAGER("release-manager", "pm-releaser", Role.RELEASE_MANAGER, null),

	SRE("sre", "pm-sre", Role.SRE, null),

	ADMIN("admin", "pm-admin", Role.ADMIN, null),

	CATALOG_TOKEN("catalog:write", "pm-admin", null, EnumSet.of(TokenScope.CATALOG_WRITE)),

	FACTS_TOKEN("facts:write", "pm-admin", null, EnumSet.of(TokenScope.FACTS_WRITE)),

	RELEASES_TOKEN("releases:write", "pm-admin", null, EnumSet.of(TokenScope.RELEASES_WRITE)),

	READINESS_TOKEN("readiness:read", "pm-admin", null, EnumSet.of(TokenScope.READINESS_READ)),

	EXCEPTIONS_TOKEN("exceptions:write", "pm-admin", null, EnumSet.of(TokenScope.EXCEPTIONS_WRITE)),

	SCORECARDS_TOKEN("scorecards:write", "pm-admin", null, EnumSet.of(TokenScope.SCORECARDS_WRITE)),

	NO_SCOPE_TOKEN("no-scope", "pm-admin", null, EnumSet.noneOf(TokenScope.class));

	private final String column;

	private final String account;

	private final Role role;

	private final Set<TokenScope> scopes;

	Caller(String column, String account, Role role, Set<TokenScope> scopes) {
		this.column = column;
		this.account = account;
		this.role = role;
		this.scopes = scopes;
	}

	/** The heading of this caller's column in the matrix. */
	String column() {
		return this.column;
	}

	String account() {
		return this.account;
	}

	Role role() {
		return this.role;
	}

	Set<TokenScope> scopes() {
		return this.scopes;
	}

	boolean isToken() {
		return this.scopes != null;
	}

	boolean isPerson() {
		return this.role != null;
	}

	static Caller ofColumn(String column) {
		for (Caller caller : values()) {
			if (caller.column.equals(column)) {
				return caller;
			}
		}
		throw new IllegalArgumentException("No caller has the column '" + column + "'");
	}
}
