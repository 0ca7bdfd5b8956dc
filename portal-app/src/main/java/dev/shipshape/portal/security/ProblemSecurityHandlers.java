package dev.shipshape.portal.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers the API's 401, 403 and 429 as RFC 9457 problem details instead of HTML or an empty
 * body, saying why: no credentials, a bad token, too many failed sign-ins, or not allowed.
 */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final String BASIC_CHALLENGE = "Basic realm=\"Shipshape\"";

	private final JsonMapper jsonMapper;

	private final ApplicationEventPublisher events;

	ProblemSecurityHandlers(JsonMapper jsonMapper, ApplicationEventPublisher events) {
		this.jsonMapper = jsonMapper;
		this.events = events;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof InvalidApiTokenException token) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer realm=\"Shipshape\", error=\"invalid_token\", error_description=\"" + token.getMessage() + "\"");
			write(request, response, problem(HttpStatus.UNAUTHORIZED, "invalid-token", token.getMessage()));
			return;
		}
		if (ex instanceof SignInThrottledException throttled) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
			write(request, response, problem(HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled",
					"Too many failed sign-ins for this account or from this address; try again in "
							+ throttled.retryAfterMinutes() + " minute(s)"));
			return;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
		response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Shipshape\"");
		String detail = (ex instanceof BadCredentialsException) ? "The user name or password is wrong"
				: "Sign in: send an API token (Authorization: Bearer shp_…) or HTTP Basic credentials with the request";
		write(request, response, problem(HttpStatus.UNAUTHORIZED, "unauthenticated", detail));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		this.events.publishEvent(new SecurityEvents.AccessDenied(request.getMethod(), request.getRequestURI()));
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof ApiTokenAuthentication token) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Shipshape\", error=\"insufficient_scope\"");
			ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "forbidden",
					"This token may not do this: its scopes or its account's roles do not allow it");
			problem.setProperty("scopes", token.scopes().stream().map(TokenScope::value).sorted().toList());
			write(request, response, problem);
			return;
		}
		write(request, response, problem(HttpStatus.FORBIDDEN, "forbidden", "Your account may not do this"));
	}

	private static ProblemDetail problem(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://shipshape.dev/problems/" + type));
		return problem;
	}

	private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.jsonMapper.writeValue(response.getOutputStream(), problem);
	}
}
