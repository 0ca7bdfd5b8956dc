package dev.shipshape.portal.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How accounts come from an OpenID Connect provider, once one is configured under
 * {@code spring.security.oauth2.client.registration.*}. The account name is the
 * {@code usernameClaim} (its part before any {@code @}); roles come from the groups in
 * {@code groupsClaim} through {@code roleMapping}, e.g.
 * {@code shipshape.oidc.role-mapping.ADMIN=platform-admins}. Everyone is at least a viewer.
 */
@ConfigurationProperties("shipshape.oidc")
record OidcProperties(@DefaultValue("preferred_username") String usernameClaim,
		@DefaultValue("groups") String groupsClaim, Map<Role, List<String>> roleMapping) {

	OidcProperties {
		roleMapping = (roleMapping != null) ? Map.copyOf(roleMapping) : Map.of();
	}

	Set<Role> rolesFor(Collection<String> groups) {
		Set<Role> roles = EnumSet.of(Role.VIEWER);
		this.roleMapping.forEach((role, mapped) -> {
			if (mapped.stream().anyMatch(groups::contains)) {
				roles.add(role);
			}
		});
		return roles;
	}
}
