package dev.shipshape.portal.security;

import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in (form and HTTP Basic) behind the throttle: a locked account name or client
 * address is refused before its password is even checked.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final SignInThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String client = clientAddress(authentication);
		SignInThrottle.Status status = this.throttle.check(username, client);
		if (status.locked()) {
			this.throttle.refused(username, client, "THROTTLED");
			throw new SignInThrottledException(status.retryAfter());
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			if (status.accountStreak()) {
				this.throttle.succeeded(username);
			}
			return result;
		}
		catch (BadCredentialsException ex) {
			Duration lock = this.throttle.failed(username, client);
			if (!lock.isZero()) {
				throw new SignInThrottledException(lock);
			}
			throw ex;
		}
		catch (AuthenticationException ex) {
			this.throttle.refused(username, client, ex.getClass().getSimpleName().replace("Exception", "").toUpperCase());
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String clientAddress(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
	}
}
