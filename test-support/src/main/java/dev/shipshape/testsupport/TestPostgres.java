package dev.shipshape.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL server that tests run against, started once per JVM, and a fresh
 * database on it for every caller.
 * <p>
 * The server is chosen in this order: the server named by {@code SHIPSHAPE_TEST_DATABASE_URL}
 * (a JDBC URL of a database on it with a user that may create databases); a Testcontainers
 * PostgreSQL when a Docker engine is reachable; otherwise an embedded PostgreSQL whose
 * binaries come from Maven.
 */
public final class TestPostgres {

	private static final String IMAGE = "postgres:17-alpine";

	private static Server server;

	private TestPostgres() {
	}

	/** Creates an empty database for one test application context. */
	public static synchronized TestDatabase createDatabase() {
		Server current = server();
		String name = "shipshape_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		try (Connection connection = DriverManager.getConnection(current.adminUrl(), current.username(), current.password());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name + " on " + current.description(), ex);
		}
		return new TestDatabase(current.urlOf(name), current.username(), current.password(), current.description());
	}

	/** Describes the server in use, for log lines. */
	public static synchronized String description() {
		return server().description();
	}

	private static Server server() {
		if (server == null) {
			server = startServer();
		}
		return server;
	}

	private static Server startServer() {
		String configured = System.getenv("SHIPSHAPE_TEST_DATABASE_URL");
		if (configured != null && !configured.isBlank()) {
			return Server.fromUrl(configured, System.getenv().getOrDefault("SHIPSHAPE_TEST_DATABASE_USERNAME", "postgres"),
					System.getenv().getOrDefault("SHIPSHAPE_TEST_DATABASE_PASSWORD", ""), "PostgreSQL at " + configured);
		}
		if (dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
			container.start();
			return Server.fromUrl(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
					"Testcontainers " + IMAGE);
		}
		return startEmbedded();
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static Server startEmbedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			String url = postgres.getJdbcUrl("postgres", "postgres");
			return Server.fromUrl(url, "postgres", "postgres", "embedded PostgreSQL on port " + postgres.getPort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start an embedded PostgreSQL for the tests", ex);
		}
	}

	/** A database created for tests. */
	public record TestDatabase(String url, String username, String password, String serverDescription) {
	}

	private record Server(String adminUrl, String username, String password, String description) {

		static Server fromUrl(String url, String username, String password, String description) {
			return new Server(url, username, password, description);
		}

		String urlOf(String database) {
			String withoutQuery = this.adminUrl.contains("?") ? this.adminUrl.substring(0, this.adminUrl.indexOf('?')) : this.adminUrl;
			String query = this.adminUrl.contains("?") ? this.adminUrl.substring(this.adminUrl.indexOf('?')) : "";
			return withoutQuery.substring(0, withoutQuery.lastIndexOf('/') + 1) + database + query;
		}
	}
}
