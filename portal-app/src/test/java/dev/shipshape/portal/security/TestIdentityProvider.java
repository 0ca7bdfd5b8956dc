package dev.shipshape.portal.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.MapPropertySource;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server on a random port of this
 * JVM, started once and shared. The portal under test is configured to sign in through it.
 */
final class TestIdentityProvider {

	static final String REGISTRATION = "test-idp";

	static final String CLIENT_NAME = "Test IdP";

	static final String PASSWORD = "idp-password";

	/** People the provider knows, with the groups it puts in their ID token. */
	static final Map<String, List<String>> GROUPS = Map.of("oidc-alice", List.of("platform-admins", "everyone"),
			"oidc-bob", List.of("everyone"), "carol@example.com", List.of("sre-oncall"), "sso-clash", List.of());

	private static ConfigurableApplicationContext provider;

	private TestIdentityProvider() {
	}

	/** The issuer, e.g. {@code http://localhost:41234}: the provider runs on "localhost", the portal is browsed as 127.0.0.1. */
	static synchronized String issuer() {
		if (provider == null) {
			provider = new SpringApplicationBuilder(Server.class).web(WebApplicationType.SERVLET)
				.properties("server.port=0", "spring.config.name=test-identity-provider", "spring.main.banner-mode=off",
						"spring.datasource.url=jdbc:postgresql://localhost/not-used-by-the-identity-provider")
				.run();
		}
		return "http://localhost:" + provider.getEnvironment().getProperty("local.server.port");
	}

	/** Configures the portal under test to offer single sign-on through this provider. */
	static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			String registration = "spring.security.oauth2.client.registration." + REGISTRATION + ".";
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("testIdentityProvider",
						Map.of(registration + "client-id", "shipshape-portal", registration + "client-secret",
								"portal-secret", registration + "client-name", CLIENT_NAME, registration + "scope",
								"openid,profile", "spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri",
								issuer(), "shipshape.oidc.role-mapping.ADMIN", "platform-admins",
								"shipshape.oidc.role-mapping.SRE", "sre-oncall")));
		}
	}

	/** The provider application; deliberately no stereotype, so that no component scan picks it up. */
	@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
			DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class, SecurityAutoConfiguration.class,
			ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class })
	static class Server {

		@Bean
		SecurityFilterChain identityProvider(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.oauth2AuthorizationServer((server) -> server.oidc(Customizer.withDefaults()))
				.formLogin(Customizer.withDefaults())
				.build();
		}

		@Bean
		UserDetailsService people() {
			return new InMemoryUserDetailsManager(GROUPS.keySet()
				.stream()
				.map((name) -> User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build())
				.toList());
		}

		/** The portal, allowed to come back to any port of 127.0.0.1 (loopback redirects, RFC 8252). */
		@Bean
		RegisteredClientRepository clients() {
			return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
				.clientId("shipshape-portal")
				.clientSecret("{noop}portal-secret")
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("http://127.0.0.1/login/oauth2/code/" + REGISTRATION)
				.scope(OidcScopes.OPENID)
				.scope(OidcScopes.PROFILE)
				.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
				.build());
		}

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> groupsInIdToken() {
			return (context) -> {
				if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
					String name = context.getPrincipal().getName();
					context.getClaims()
						.claim("preferred_username", name)
						.claim("name", "Test " + name)
						.claim("groups", GROUPS.getOrDefault(name, List.of()));
				}
			};
		}

		@Bean
		JWKSource<SecurityContext> signingKeys() throws NoSuchAlgorithmException {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair keys = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		@Bean
		JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys) {
			return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKeys);
		}

		@Bean
		AuthorizationServerSettings authorizationServerSettings() {
			return AuthorizationServerSettings.builder().build();
		}
	}
}
