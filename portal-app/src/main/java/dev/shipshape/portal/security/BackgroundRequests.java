package dev.shipshape.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Requests a page makes in the background (htmx fragments, scripts) when its session is gone. They
 * are never the page to return to after sign-in, which would show a bare fragment; htmx is told to
 * send the whole page to sign-in instead of swapping the sign-in form into a fragment.
 */
final class BackgroundRequests {

	static final RequestMatcher HTMX = (request) -> request.getHeader("HX-Request") != null;

	private BackgroundRequests() {
	}

	/** Remembers a page asked for before sign-in: a GET that the browser itself made. */
	static RequestCache pageRequestCache() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setRequestMatcher((request) -> "GET".equals(request.getMethod()) && !HTMX.matches(request)
				&& !"XMLHttpRequest".equals(request.getHeader("X-Requested-With")));
		return cache;
	}

	/**
	 * Sends a signed-out browser to the sign-in page; htmx gets 401 and {@code HX-Redirect} to it,
	 * which it follows with the whole page.
	 */
	static AuthenticationEntryPoint signInEntryPoint(String signInPage) {
		LoginUrlAuthenticationEntryPoint pages = new LoginUrlAuthenticationEntryPoint(signInPage);
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
			if (!HTMX.matches(request)) {
				pages.commence(request, response, ex);
				return;
			}
			response.setHeader("HX-Redirect", request.getContextPath() + signInPage);
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
		};
	}
}
