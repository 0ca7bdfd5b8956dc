package dev.shipshape.portal.security;

import java.util.Set;

/** An account as other features see it. {@code singleSignOn}: it signs in through an OpenID Connect provider. */
public record AccountSummary(long id, String username, String displayName, AccountKind kind, Set<Role> roles,
		boolean enabled, boolean singleSignOn) {

	public AccountSummary {
		roles = Set.copyOf(roles);
	}

	public boolean isService() {
		return this.kind == AccountKind.SERVICE;
	}
}
