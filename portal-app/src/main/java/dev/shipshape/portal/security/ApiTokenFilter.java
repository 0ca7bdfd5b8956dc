package dev.shipshape.portal.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} on the API. A bad token is refused at once
 * (401) rather than passed on as anonymous, so that a pipeline learns why.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "bearer ";

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final ApiTokenVerifier verifier;

	private final TokenAuthorities authorities;

	private final SignInThrottle signIns;

	private final AuthenticationEntryPoint entryPoint;

	ApiTokenFilter(ApiTokenVerifier verifier, TokenAuthorities authorities, SignInThrottle signIns,
			AuthenticationEntryPoint entryPoint) {
		this.verifier = verifier;
		this.authorities = authorities;
		this.signIns = signIns;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			chain.doFilter(request, response);
			return;
		}
		try {
			VerifiedApiToken token = this.verifier.verify(header.substring(BEARER.length()).strip());
			SecurityContext context = this.contexts.createEmptyContext();
			context.setAuthentication(this.authorities.authenticate(token));
			this.contexts.setContext(context);
		}
		catch (InvalidApiTokenException ex) {
			this.contexts.clearContext();
			this.signIns.recordTokenFailure(request.getRemoteAddr(), ex);
			this.entryPoint.commence(request, response, ex);
			return;
		}
		chain.doFilter(request, response);
	}
}
