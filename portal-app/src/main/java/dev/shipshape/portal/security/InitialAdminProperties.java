package dev.shipshape.portal.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created at start-up while no administrator exists. Set both from the
 * environment ({@code SHIPSHAPE_INITIAL_ADMIN_USERNAME}, {@code SHIPSHAPE_INITIAL_ADMIN_PASSWORD}).
 */
@ConfigurationProperties("shipshape.initial-admin")
record InitialAdminProperties(String username, String password) {

	boolean isConfigured() {
		return this.username != null && !this.username.isBlank() && this.password != null && !this.password.isBlank();
	}
}
