package dev.shipshape.portal.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The scope check every write endpoint makes, as {@code @tokenScopes} in method security:
 * <pre>
 * &#64;PreAuthorize("hasRole('RELEASE_MANAGER') and &#64;tokenScopes.allows(authentication, 'releases:write')")
 * </pre>
 * People signed in with a session or HTTP Basic pass it; API tokens pass it only when they hold the
 * scope. Role checks alone are not enough for tokens: an administrator's token with
 * {@code catalog:write} holds {@code ROLE_ADMIN} but must not publish scorecards.
 */
@Component("tokenScopes")
public class TokenScopes {

	/** Whether this caller may act within the scope, e.g. {@code releases:write}. */
	public boolean allows(Authentication authentication, String scope) {
		return allows(authentication, TokenScope.of(scope));
	}

	public boolean allows(Authentication authentication, TokenScope scope) {
		if (!isSignedIn(authentication)) {
			return false;
		}
		if (authentication instanceof ApiTokenAuthentication token) {
			return token.scopes().contains(scope);
		}
		return true;
	}

	/** Whether the caller is an API token; tokens never manage tokens or accounts. */
	public boolean isToken(Authentication authentication) {
		return authentication instanceof ApiTokenAuthentication;
	}

	/** Signed in as a person (session or HTTP Basic), not through a token. */
	public boolean isPerson(Authentication authentication) {
		return isSignedIn(authentication) && !isToken(authentication);
	}

	private static boolean isSignedIn(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}
}
