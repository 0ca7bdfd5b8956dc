package dev.shipshape.portal.security;

import java.util.Set;

/** A live API token: its id, the account it acts for with that account's roles, and its scopes. */
public record VerifiedApiToken(long id, String username, Set<Role> accountRoles, Set<TokenScope> scopes) {

	public VerifiedApiToken {
		accountRoles = Set.copyOf(accountRoles);
		scopes = Set.copyOf(scopes);
	}
}
