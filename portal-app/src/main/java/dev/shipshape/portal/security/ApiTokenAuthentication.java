package dev.shipshape.portal.security;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A request authenticated by an API token: it acts as the token's account, with only the
 * authorities its scopes allow (see {@link TokenScope}).
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

	/**
	 * Held by every token principal. Role hierarchies leave such authorities as they are, because
	 * the roles of a token are already the account's effective roles cut down to its scopes.
	 */
	public static final String TOKEN_AUTHORITY = "API_TOKEN";

	private static final long serialVersionUID = 1L;

	private final long tokenId;

	private final String username;

	private final Set<TokenScope> scopes;

	ApiTokenAuthentication(long tokenId, String username, Set<TokenScope> scopes,
			Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.tokenId = tokenId;
		this.username = username;
		this.scopes = Set.copyOf(scopes);
		setAuthenticated(true);
	}

	public long tokenId() {
		return this.tokenId;
	}

	public Set<TokenScope> scopes() {
		return this.scopes;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return this.username;
	}

	@Override
	public String getName() {
		return this.username;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ApiTokenAuthentication token && token.tokenId == this.tokenId && super.equals(other);
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.tokenId) * 31 + super.hashCode();
	}
}
