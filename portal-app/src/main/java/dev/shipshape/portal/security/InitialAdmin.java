package dev.shipshape.portal.security;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the configured first administrator when the portal has none. */
@Component
@Order(0)
@EnableConfigurationProperties(InitialAdminProperties.class)
class InitialAdmin implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(InitialAdmin.class);

	private final InitialAdminProperties properties;

	private final UserAccounts accounts;

	InitialAdmin(InitialAdminProperties properties, UserAccounts accounts) {
		this.properties = properties;
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.anyWithRole(Role.ADMIN)) {
			return;
		}
		if (!this.properties.isConfigured()) {
			logger.warn("No administrator exists yet: set SHIPSHAPE_INITIAL_ADMIN_USERNAME and "
					+ "SHIPSHAPE_INITIAL_ADMIN_PASSWORD to create the first one");
			return;
		}
		this.accounts.create(this.properties.username(), "Administrator", this.properties.password(), Set.of(Role.ADMIN));
		logger.info("Created the first administrator '{}'", this.properties.username());
	}
}
