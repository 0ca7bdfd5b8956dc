package dev.shipshape.portal.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns someone an OpenID Connect provider signed in into a portal account: created at the first
 * sign-in, roles mapped from the groups claim at every sign-in.
 */
final class SingleSignOnUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService provider = new OidcUserService();

	private final UserAccounts accounts;

	private final OidcProperties properties;

	SingleSignOnUsers(UserAccounts accounts, OidcProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = this.provider.loadUser(request);
		String username = username(user);
		AccountSummary account;
		try {
			account = this.accounts.signedInThroughSso(new SsoIdentity(String.valueOf(user.getIdToken().getIssuer()),
					user.getSubject(), username, displayName(user, username), this.properties.rolesFor(groups(user))));
		}
		catch (AccountNameTakenException ex) {
			throw refused("account_conflict", "Another account is named " + username);
		}
		if (!account.enabled()) {
			throw refused("account_disabled", "The account " + username + " is disabled");
		}
		List<GrantedAuthority> authorities = account.roles()
			.stream()
			.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
			.toList();
		return new PortalOidcUser(authorities, user.getIdToken(), user.getUserInfo(), account.username());
	}

	private String username(OidcUser user) {
		String claim = user.getClaimAsString(this.properties.usernameClaim());
		String username = (claim != null && claim.contains("@")) ? claim.substring(0, claim.indexOf('@')) : claim;
		if (username == null || !username.matches(UserAccounts.NAME_PATTERN)) {
			throw refused("invalid_username",
					"The claim " + this.properties.usernameClaim() + " does not hold a valid account name");
		}
		return username;
	}

	private Collection<String> groups(OidcUser user) {
		Object groups = user.getClaims().get(this.properties.groupsClaim());
		if (groups instanceof Collection<?> many) {
			return many.stream().map(String::valueOf).toList();
		}
		return (groups != null) ? List.of(String.valueOf(groups)) : List.of();
	}

	private static String displayName(OidcUser user, String username) {
		return (user.getFullName() != null) ? user.getFullName() : username;
	}

	private static OAuth2AuthenticationException refused(String code, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, description, null), description);
	}

	/** The provider's user, named by the portal account so that ownership checks find its teams. */
	static final class PortalOidcUser extends DefaultOidcUser {

		private static final long serialVersionUID = 1L;

		private final String username;

		PortalOidcUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo,
				String username) {
			super(authorities, idToken, userInfo);
			this.username = username;
		}

		@Override
		public String getName() {
			return this.username;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof PortalOidcUser user && user.username.equals(this.username) && super.equals(other);
		}

		@Override
		public int hashCode() {
			return this.username.hashCode() * 31 + super.hashCode();
		}
	}
}
