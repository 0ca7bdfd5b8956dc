package dev.shipshape.portal.waivers;

import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.TokenScope;
import dev.shipshape.portal.security.TokenScopes;
import dev.shipshape.waivers.ExceptionView;
import dev.shipshape.waivers.WaiverManagement;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may do what with exceptions, in one place; used as {@code @waiverPermissions}. Everyone
 * signed in reads them and may request one; SREs (and administrators) grant, approve, reject and
 * revoke. API tokens need the scope {@code exceptions:write} for any of it. That a requester does
 * not approve their own request (unless configured) is a rule of the exception itself; pages ask
 * {@link #canApprove} only to offer the right buttons.
 */
@Component("waiverPermissions")
public class WaiverPermissions {

	private final TokenScopes scopes;

	private final RoleHierarchy roles;

	private final WaiverManagement exceptions;

	WaiverPermissions(TokenScopes scopes, RoleHierarchy roles, WaiverManagement exceptions) {
		this.scopes = scopes;
		this.roles = roles;
		this.exceptions = exceptions;
	}

	/** Requesting or extending; granting in one step ({@code grant}) is for those who decide. */
	public boolean canRequest(Authentication authentication, Boolean grant) {
		return this.scopes.allows(authentication, TokenScope.EXCEPTIONS_WRITE)
				&& (!Boolean.TRUE.equals(grant) || canDecide(authentication));
	}

	public boolean canRequest(Authentication authentication) {
		return canRequest(authentication, false);
	}

	/** Granting, approving, rejecting and revoking. */
	public boolean canDecide(Authentication authentication) {
		return this.scopes.allows(authentication, TokenScope.EXCEPTIONS_WRITE) && isSre(authentication);
	}

	/** Whether this user may approve this request now: an SRE, and not its requester unless configured. */
	public boolean canApprove(Authentication authentication, ExceptionView exception) {
		return exception.pending() && canDecide(authentication)
				&& (this.exceptions.settings().allowSelfApproval()
						|| !exception.requestedBy().equalsIgnoreCase(authentication.getName()));
	}

	private boolean isSre(Authentication authentication) {
		return this.roles.getReachableGrantedAuthorities(authentication.getAuthorities())
			.stream()
			.anyMatch((authority) -> Role.SRE.authority().equals(authority.getAuthority()));
	}
}
