package dev.shipshape.portal.tokens;

import dev.shipshape.portal.security.CatalogPermissions;
import dev.shipshape.portal.security.TokenScopes;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may manage tokens and accounts, used as {@code @tokenPermissions}: people only, never a
 * token; everyone their own tokens, administrators also service accounts and their tokens. Which
 * token someone may see or revoke is decided by {@link ApiTokens}: others' tokens are not found.
 */
@Component("tokenPermissions")
public class TokenPermissions {

	private final TokenScopes scopes;

	private final CatalogPermissions permissions;

	TokenPermissions(TokenScopes scopes, CatalogPermissions permissions) {
		this.scopes = scopes;
		this.permissions = permissions;
	}

	/** Listing or creating the tokens of {@code account}; blank means the caller's own. */
	public boolean canManageTokensOf(Authentication authentication, String account) {
		return this.scopes.isPerson(authentication) && (account == null || account.isBlank()
				|| account.equalsIgnoreCase(authentication.getName()) || this.permissions.isAdmin(authentication));
	}

	/** Seeing and revoking tokens by id. */
	public boolean canManageTokens(Authentication authentication) {
		return this.scopes.isPerson(authentication);
	}

	/** Creating and listing service accounts. */
	public boolean canManageServiceAccounts(Authentication authentication) {
		return this.scopes.isPerson(authentication) && this.permissions.isAdmin(authentication);
	}
}
