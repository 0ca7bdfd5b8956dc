package dev.shipshape.portal.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** Sends a failed sign-in back to the sign-in page with the reason it can show. */
final class SignInFailureHandler implements AuthenticationFailureHandler {

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	private final SignInThrottle throttle;

	SignInFailureHandler(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		this.redirects.sendRedirect(request, response, target(request, exception));
	}

	private String target(HttpServletRequest request, AuthenticationException exception) {
		if (exception instanceof SignInThrottledException throttled) {
			return "/login?locked=" + throttled.retryAfterMinutes();
		}
		if (exception instanceof OAuth2AuthenticationException sso) {
			this.throttle.recordSingleSignOnFailure(request.getRemoteAddr(), sso.getError().getErrorCode());
			return "/login?ssoError";
		}
		return "/login?error";
	}
}
