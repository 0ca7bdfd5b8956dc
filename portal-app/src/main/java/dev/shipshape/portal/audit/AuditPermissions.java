package dev.shipshape.portal.audit;

import java.util.Set;

import dev.shipshape.portal.security.Role;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may read the audit trail, in one place; used as {@code @auditPermissions}. The whole trail,
 * with client addresses and refused sign-ins, is for administrators and SREs (API tokens: when one of
 * their scopes admits such a role of their account). The history of one service, scorecard or
 * exception, without addresses, is as public as the object itself: everyone signed in reads it.
 */
@Component("auditPermissions")
public class AuditPermissions {

	private static final Set<String> TRAIL_READERS = Set.of(Role.ADMIN.authority(), Role.SRE.authority());

	private final RoleHierarchy roles;

	AuditPermissions(RoleHierarchy roles) {
		this.roles = roles;
	}

	public boolean canReadTrail(Authentication authentication) {
		return authentication != null && this.roles.getReachableGrantedAuthorities(authentication.getAuthorities())
			.stream()
			.anyMatch((authority) -> TRAIL_READERS.contains(authority.getAuthority()));
	}
}
