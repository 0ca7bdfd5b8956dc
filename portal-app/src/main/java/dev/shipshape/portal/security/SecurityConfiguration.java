package dev.shipshape.portal.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two chains: {@code /api/**} is stateless, takes API tokens ({@code Authorization: Bearer}) and
 * HTTP Basic, and answers 401/403/429 as problem details; pages use form login or OpenID Connect
 * with sessions in PostgreSQL and CSRF protection. Reading anything requires sign-in. Both send a
 * strict Content Security Policy and the other security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(OidcProperties.class)
class SecurityConfiguration {

	/** Pages load scripts, styles, fonts and images only from the portal; Bootstrap draws some icons as data: images. */
	static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/** API responses are data, never documents to render. */
	static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

	static final String API_DOCUMENTATION_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

	private static final String[] API_DOCUMENTATION = { "/api/openapi", "/api/openapi.yaml", "/api/openapi/**",
			"/api/docs", "/api/docs/**", "/api/swagger-ui/**" };

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

	private static final String[] PUBLIC_RESOURCES = { "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
			"/error", "/actuator/health", "/actuator/health/**", "/swagger-ui/**", "/swagger-ui.html" };

	/**
	 * The API's description and its Swagger UI, open to everyone. Swagger UI styles its elements
	 * inline, so its pages allow inline styles; scripts still come only from the portal.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain apiDocumentationSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher(API_DOCUMENTATION)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> securityHeaders(headers, API_DOCUMENTATION_POLICY))
			.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ProblemSecurityHandlers problems, ApiTokenVerifier tokens,
			TokenScopes scopes, SignInThrottle signIns) throws Exception {
		ApiTokenFilter bearer = new ApiTokenFilter(tokens, new TokenAuthorities(accountRoleHierarchy()), signIns, problems);
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(writes("/api/v1/teams/**", "/api/v1/people/**", "/api/v1/catalog/**",
						"/api/v1/services", "/api/v1/services/*"))
				.access(tokenScope(scopes, TokenScope.CATALOG_WRITE))
				.anyRequest()
				.authenticated())
			.addFilterBefore(bearer, BasicAuthenticationFilter.class)
			.httpBasic((basic) -> basic.authenticationEntryPoint(problems))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> securityHeaders(headers, API_POLICY))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http, SignInThrottle signIns,
			ObjectProvider<ClientRegistrationRepository> singleSignOn, UserAccounts accounts, OidcProperties oidc)
			throws Exception {
		SignInFailureHandler failures = new SignInFailureHandler(signIns);
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(PUBLIC_RESOURCES)
			.permitAll()
			.requestMatchers("/login")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(failures).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?signedOut"))
			.requestCache((cache) -> cache.requestCache(BackgroundRequests.pageRequestCache()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(BackgroundRequests.signInEntryPoint("/login")))
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()))
			.csrf(Customizer.withDefaults())
			.headers((headers) -> securityHeaders(headers, PAGE_POLICY));
		if (singleSignOn.getIfAvailable() != null) {
			http.oauth2Login((login) -> login.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler(failures)
				.authorizedClientRepository(new DiscardedAuthorizedClients())
				.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(new SingleSignOnUsers(accounts, oidc))
					.userService((request) -> {
						throw new OAuth2AuthenticationException("Only OpenID Connect providers are supported");
					})));
		}
		return http.build();
	}

	/**
	 * The one manager of password sign-ins (form and HTTP Basic), behind the throttle. Both chains
	 * fall back to it, so no other path checks a password.
	 */
	@Bean
	AuthenticationManager authenticationManager(UserAccounts accounts, PasswordEncoder passwordEncoder,
			SignInThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts::passwordAccount);
		passwords.setPasswordEncoder(passwordEncoder);
		return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
	}

	@Bean
	PasswordEncoder passwordEncoder(@Value("${shipshape.security.password-hash-strength:10}") int strength) {
		return new BCryptPasswordEncoder(strength);
	}

	/**
	 * Administrators may do what SREs and release managers do; everyone is a viewer. The roles of
	 * an API token are final: they are already its account's effective roles cut down to its scopes.
	 */
	@Bean
	static RoleHierarchy roleHierarchy() {
		RoleHierarchy accounts = accountRoleHierarchy();
		return (authorities) -> isToken(authorities) ? authorities : accounts.getReachableGrantedAuthorities(authorities);
	}

	static RoleHierarchy accountRoleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name())
			.implies(Role.SRE.name(), Role.RELEASE_MANAGER.name())
			.role(Role.SRE.name())
			.implies(Role.VIEWER.name())
			.role(Role.RELEASE_MANAGER.name())
			.implies(Role.VIEWER.name())
			.build();
	}

	private static boolean isToken(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream()
			.anyMatch((authority) -> ApiTokenAuthentication.TOKEN_AUTHORITY.equals(authority.getAuthority()));
	}

	/** HSTS is sent only over HTTPS (Spring Security's default), so plain-HTTP development keeps working. */
	private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers, String policy) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(policy))
			.frameOptions((frames) -> frames.deny())
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
			.contentTypeOptions(Customizer.withDefaults())
			.permissionsPolicyHeader((permissions) -> permissions.policy("camera=(), microphone=(), geolocation=(), payment=()"));
	}

	/**
	 * A safety net under method security for the catalog endpoints: a token writes there only with
	 * {@code catalog:write}, whatever roles its account has.
	 */
	private static AuthorizationManager<RequestAuthorizationContext> tokenScope(TokenScopes scopes, TokenScope scope) {
		return (authentication, context) -> new AuthorizationDecision(scopes.allows(authentication.get(), scope));
	}

	private static RequestMatcher writes(String... patterns) {
		List<RequestMatcher> paths = Arrays.stream(patterns)
			.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
			.toList();
		return (request) -> !READS.contains(request.getMethod())
				&& paths.stream().anyMatch((path) -> path.matches(request));
	}
}
