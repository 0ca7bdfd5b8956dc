package dev.shipshape.portal.audit;

import dev.shipshape.portal.security.ApiTokenAuthentication;
import org.slf4j.MDC;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the audit trail learns from the request being served, if any: who is signed in, the request
 * id that the operations filter put in the logging context, and the client's address (as the
 * forwarded-headers strategy resolves it behind a proxy).
 */
final class RequestContext {

	/** The logging context key under which each request's {@code X-Request-Id} is kept. */
	static final String REQUEST_ID = "requestId";

	private RequestContext() {
	}

	static Actor actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof ApiTokenAuthentication token) {
			return new Actor(token.getName(), ActorKind.TOKEN, token.tokenId());
		}
		if (authentication instanceof AnonymousAuthenticationToken) {
			return Actor.ANONYMOUS;
		}
		if (authentication == null || !authentication.isAuthenticated()) {
			return Actor.SYSTEM;
		}
		return new Actor(authentication.getName(), ActorKind.PERSON, null);
	}

	static String requestId() {
		return MDC.get(REQUEST_ID);
	}

	static String clientAddress() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest().getRemoteAddr() : null;
	}
}
