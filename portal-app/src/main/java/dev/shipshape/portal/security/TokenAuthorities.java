package dev.shipshape.portal.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authority model of API tokens: a token holds {@code SCOPE_…} for each of its scopes and
 * those effective roles of its account that one of its scopes admits, never more.
 */
final class TokenAuthorities {

	private final RoleHierarchy accountRoles;

	TokenAuthorities(RoleHierarchy accountRoles) {
		this.accountRoles = accountRoles;
	}

	ApiTokenAuthentication authenticate(VerifiedApiToken token) {
		return new ApiTokenAuthentication(token.id(), token.username(), token.scopes(), of(token));
	}

	List<GrantedAuthority> of(VerifiedApiToken token) {
		Set<Role> roles = effectiveRoles(token.accountRoles());
		roles.retainAll(TokenScope.admittedBy(token.scopes()));
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(ApiTokenAuthentication.TOKEN_AUTHORITY));
		roles.forEach((role) -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		token.scopes().stream().sorted().forEach((scope) -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
		return authorities;
	}

	private Set<Role> effectiveRoles(Set<Role> granted) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		this.accountRoles
			.getReachableGrantedAuthorities(granted.stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList())
			.forEach((authority) -> {
				for (Role role : Role.values()) {
					if (role.authority().equals(authority.getAuthority())) {
						roles.add(role);
					}
				}
			});
		return roles;
	}
}
