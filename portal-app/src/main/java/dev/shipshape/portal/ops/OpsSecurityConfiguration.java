package dev.shipshape.portal.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may read the operations endpoints under {@code /actuator}. Health probes (overall,
 * liveness, readiness; status only, no details) and info are open, since load balancers and
 * orchestrators call them without credentials. The Prometheus endpoint shows the portal's inner
 * workings, so it takes the metrics token ({@code Authorization: Bearer}) or an administrator's
 * HTTP Basic sign-in; everything else is for administrators.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpsProperties.class)
class OpsSecurityConfiguration {

	private static final String ADMIN = "ADMIN";

	@Bean
	@Order(0)
	SecurityFilterChain operationsSecurity(HttpSecurity http, OpsProperties properties) throws Exception {
		AuthorizationManager<RequestAuthorizationContext> scrapers = AuthorizationManagers
			.anyOf(metricsToken(properties), AuthorityAuthorizationManager.hasRole(ADMIN));
		return http.securityMatcher("/actuator", "/actuator/**")
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
				.permitAll()
				.requestMatchers("/actuator/prometheus")
				.access(scrapers)
				.anyRequest()
				.hasRole(ADMIN))
			.httpBasic((basic) -> {
			})
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	private static AuthorizationManager<RequestAuthorizationContext> metricsToken(OpsProperties properties) {
		if (!properties.hasMetricsToken()) {
			return (authentication, context) -> new AuthorizationDecision(false);
		}
		byte[] expected = sha256("Bearer " + properties.metricsToken().strip());
		return (authentication, context) -> new AuthorizationDecision(presents(context.getRequest(), expected));
	}

	/** Compares digests, so that the time taken says nothing about the token, not even its length. */
	private static boolean presents(HttpServletRequest request, byte[] expected) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && MessageDigest.isEqual(sha256(header.strip()), expected);
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}
}
