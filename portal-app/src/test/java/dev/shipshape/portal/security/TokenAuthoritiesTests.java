package dev.shipshape.portal.security;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The authority model of API tokens and the scope check every write endpoint makes. */
class TokenAuthoritiesTests {

	private final RoleHierarchy hierarchy = SecurityConfiguration.roleHierarchy();

	private final TokenAuthorities authorities = new TokenAuthorities(SecurityConfiguration.accountRoleHierarchy());

	private final TokenScopes scopes = new TokenScopes();

	@Test
	void anAdministratorsReadinessTokenCannotActAsAdministrator() {
		ApiTokenAuthentication token = token(Set.of(Role.VIEWER, Role.ADMIN), TokenScope.READINESS_READ);

		assertThat(names(token.getAuthorities())).containsExactlyInAnyOrder("API_TOKEN", "ROLE_VIEWER",
				"ROLE_RELEASE_MANAGER", "SCOPE_readiness:read");
		assertThat(names(this.hierarchy.getReachableGrantedAuthorities(token.getAuthorities())))
			.doesNotContain("ROLE_ADMIN", "ROLE_SRE");
	}

	@Test
	void aCatalogTokenOfAnAdministratorKeepsAdministratorButNotWhatAdministratorImplies() {
		ApiTokenAuthentication token = token(Set.of(Role.VIEWER, Role.ADMIN), TokenScope.CATALOG_WRITE);

		assertThat(names(this.hierarchy.getReachableGrantedAuthorities(token.getAuthorities())))
			.containsExactlyInAnyOrder("API_TOKEN", "ROLE_VIEWER", "ROLE_ADMIN", "SCOPE_catalog:write");
	}

	@Test
	void aScopeNeverGrantsARoleTheAccountLacks() {
		ApiTokenAuthentication token = token(Set.of(Role.VIEWER), TokenScope.SCORECARDS_WRITE,
				TokenScope.EXCEPTIONS_WRITE);

		assertThat(names(token.getAuthorities())).containsExactlyInAnyOrder("API_TOKEN", "ROLE_VIEWER",
				"SCOPE_exceptions:write", "SCOPE_scorecards:write");
	}

	@Test
	void aTokenWithoutScopesOnlyReads() {
		assertThat(names(token(Set.of(Role.SRE)).getAuthorities())).containsExactlyInAnyOrder("API_TOKEN", "ROLE_VIEWER");
	}

	@Test
	void peoplesRolesStillFollowTheHierarchy() {
		assertThat(names(this.hierarchy.getReachableGrantedAuthorities(AuthorityUtils.createAuthorityList("ROLE_ADMIN"))))
			.contains("ROLE_SRE", "ROLE_RELEASE_MANAGER", "ROLE_VIEWER");
	}

	@Test
	void peopleHaveEveryScopeAndTokensOnlyTheirOwn() {
		UsernamePasswordAuthenticationToken person = UsernamePasswordAuthenticationToken.authenticated("someone", null,
				AuthorityUtils.createAuthorityList("ROLE_VIEWER"));
		ApiTokenAuthentication token = token(Set.of(Role.RELEASE_MANAGER), TokenScope.RELEASES_WRITE);

		assertThat(this.scopes.allows(person, "releases:write")).isTrue();
		assertThat(this.scopes.allows(token, "releases:write")).isTrue();
		assertThat(this.scopes.allows(token, "readiness:read")).isFalse();
		assertThat(this.scopes.isPerson(person)).isTrue();
		assertThat(this.scopes.isPerson(token)).isFalse();
		assertThat(this.scopes.allows(new AnonymousAuthenticationToken("key", "anonymous",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")), "releases:write")).isFalse();
		assertThat(this.scopes.allows(null, "releases:write")).isFalse();
	}

	@Test
	void aMisspelledScopeIsAProgrammingError() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.scopes.allows(null, "release:write"))
			.withMessageContaining("releases:write");
	}

	@Test
	void everyScopeHasADescriptionAndAdmitsViewing() {
		for (TokenScope scope : TokenScope.values()) {
			assertThat(scope.description()).isNotBlank();
			assertThat(scope.admittedRoles()).contains(Role.VIEWER);
			assertThat(TokenScope.of(scope.value())).isEqualTo(scope);
		}
	}

	@Test
	void signInLocksGrowFromTheFirstLockToTheLongest() {
		SignInProperties properties = new SignInProperties(5, 20, Duration.ofMinutes(1), Duration.ofHours(1),
				Duration.ofDays(1));

		assertThat(properties.lockAfter(4, 5)).isZero();
		assertThat(properties.lockAfter(5, 5)).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.lockAfter(6, 5)).isEqualTo(Duration.ofMinutes(2));
		assertThat(properties.lockAfter(8, 5)).isEqualTo(Duration.ofMinutes(8));
		assertThat(properties.lockAfter(12, 5)).isEqualTo(Duration.ofHours(1));
		assertThat(properties.lockAfter(500, 5)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void singleSignOnGroupsMapToRolesAndEveryoneViews() {
		OidcProperties properties = new OidcProperties("preferred_username", "groups",
				Map.of(Role.ADMIN, List.of("platform-admins"), Role.SRE, List.of("sre", "oncall")));

		assertThat(properties.rolesFor(List.of("oncall", "other"))).containsExactlyInAnyOrder(Role.VIEWER, Role.SRE);
		assertThat(properties.rolesFor(List.of())).containsExactly(Role.VIEWER);
	}

	private ApiTokenAuthentication token(Set<Role> accountRoles, TokenScope... tokenScopes) {
		return this.authorities.authenticate(new VerifiedApiToken(7, "owner", accountRoles, Set.of(tokenScopes)));
	}

	private static List<String> names(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream().map(GrantedAuthority::getAuthority).toList();
	}
}
