package dev.shipshape.portal.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL of the default mode.
 *
 * @param directory where its data lives; kept between restarts (default {@code shipshape-data/postgres}
 * under the working directory)
 * @param port the port it listens on; 0 picks a free one
 */
@ConfigurationProperties("shipshape.embedded-database")
public record EmbeddedDatabaseProperties(@DefaultValue("shipshape-data/postgres") Path directory,
		@DefaultValue("0") int port) {
}
