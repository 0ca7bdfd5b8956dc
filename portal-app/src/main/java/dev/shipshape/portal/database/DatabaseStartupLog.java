package dev.shipshape.portal.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at start-up which database the portal uses, so that nobody has to guess. */
@Component
class DatabaseStartupLog {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseStartupLog.class);

	private final DataSource dataSource;

	private final Environment environment;

	DatabaseStartupLog(DataSource dataSource, Environment environment) {
		this.dataSource = dataSource;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void logDatabaseInUse() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			boolean embedded = this.environment.matchesProfiles(DatabaseModeEnvironmentPostProcessor.EMBEDDED_PROFILE);
			logger.info("Using {} PostgreSQL {} at {} (database '{}', user '{}')", embedded ? "embedded" : "external",
					metaData.getDatabaseProductVersion(), metaData.getURL(), connection.getCatalog(), metaData.getUserName());
		}
	}
}
