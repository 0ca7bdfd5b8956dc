package dev.shipshape.portal.releases;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.OwnerKind;
import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.TokenScope;
import dev.shipshape.portal.security.TokenScopes;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may register releases and call the gate: release managers (and administrators), and the
 * members of the team that owns the service; API tokens also need the matching scope. Everyone
 * signed in may read releases and their decisions, and ask for their readiness (tokens with
 * {@code readiness:read}). Used as {@code @releasePermissions}.
 */
@Component("releasePermissions")
public class ReleasePermissions {

	private final CatalogManagement catalog;

	private final TokenScopes scopes;

	private final RoleHierarchy roles;

	ReleasePermissions(CatalogManagement catalog, TokenScopes scopes, RoleHierarchy roles) {
		this.catalog = catalog;
		this.scopes = scopes;
		this.roles = roles;
	}

	public boolean canRegister(Authentication authentication, String service) {
		return this.scopes.allows(authentication, TokenScope.RELEASES_WRITE) && releaseManagerOrOwner(authentication, service);
	}

	public boolean canCallGate(Authentication authentication, String service) {
		return this.scopes.allows(authentication, TokenScope.READINESS_READ) && releaseManagerOrOwner(authentication, service);
	}

	/** Asking for a readiness verdict; reading releases and their recorded decisions needs no scope. */
	public boolean canCheckReadiness(Authentication authentication) {
		return this.scopes.allows(authentication, TokenScope.READINESS_READ);
	}

	private boolean releaseManagerOrOwner(Authentication authentication, String service) {
		boolean releaseManager = this.roles.getReachableGrantedAuthorities(authentication.getAuthorities())
			.stream()
			.anyMatch((authority) -> Role.RELEASE_MANAGER.authority().equals(authority.getAuthority()));
		return releaseManager || this.catalog.findService(service)
			.map((found) -> found.owner() != null && found.owner().kind() == OwnerKind.TEAM
					&& this.catalog.isMember(authentication.getName(), found.owner().name()))
			.orElse(true);
	}
}
