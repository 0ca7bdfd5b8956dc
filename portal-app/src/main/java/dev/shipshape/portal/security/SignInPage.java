package dev.shipshape.portal.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * What the sign-in page offers besides the password form, as {@code @signInPage} in templates:
 * a button per configured OpenID Connect provider.
 */
@Component("signInPage")
public class SignInPage {

	private final ObjectProvider<ClientRegistrationRepository> registrations;

	SignInPage(ObjectProvider<ClientRegistrationRepository> registrations) {
		this.registrations = registrations;
	}

	/** The configured single sign-on providers, in configuration order. */
	public List<Provider> providers() {
		List<Provider> providers = new ArrayList<>();
		if (this.registrations.getIfAvailable() instanceof Iterable<?> all) {
			all.forEach((registration) -> {
				if (registration instanceof ClientRegistration client) {
					providers.add(new Provider(client.getRegistrationId(), client.getClientName(),
							"/oauth2/authorization/" + client.getRegistrationId()));
				}
			});
		}
		return providers;
	}

	/** The whole minutes a throttled sign-in must wait, read from the page's {@code locked} parameter. */
	public long retryMinutes(String locked) {
		try {
			return Math.max(1, Long.parseLong(locked));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	/** A provider of single sign-on and the address that starts signing in with it. */
	public record Provider(String id, String name, String signInPath) {
	}
}
