package dev.shipshape.bench.catalog;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

/**
 * The PostgreSQL server the benchmark runs on: the one {@code SHIPSHAPE_BENCH_DATABASE_URL} names
 * (a JDBC URL of a database whose user may create databases; {@code SHIPSHAPE_BENCH_DATABASE_USERNAME}
 * and {@code _PASSWORD}), else an embedded one. Every measurement gets a fresh database copied
 * from one with the catalog's migrations applied.
 */
final class BenchDatabase implements AutoCloseable {

	private static final String TEMPLATE = "shipshape_bench_template";

	private final EmbeddedPostgres embedded;

	private final String adminUrl;

	private final String username;

	private final String password;

	private int created;

	private BenchDatabase(EmbeddedPostgres embedded, String adminUrl, String username, String password) {
		this.embedded = embedded;
		this.adminUrl = adminUrl;
		this.username = username;
		this.password = password;
	}

	static BenchDatabase start() throws IOException, SQLException {
		String url = System.getenv("SHIPSHAPE_BENCH_DATABASE_URL");
		BenchDatabase database;
		if (url != null && !url.isBlank()) {
			database = new BenchDatabase(null, url, System.getenv().getOrDefault("SHIPSHAPE_BENCH_DATABASE_USERNAME", "postgres"),
					System.getenv().getOrDefault("SHIPSHAPE_BENCH_DATABASE_PASSWORD", ""));
		}
		else {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			database = new BenchDatabase(postgres, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
		}
		database.createTemplate();
		return database;
	}

	String description() {
		return (this.embedded != null) ? "embedded PostgreSQL on port " + this.embedded.getPort() : this.adminUrl;
	}

	private void createTemplate() throws SQLException {
		execute("DROP DATABASE IF EXISTS " + TEMPLATE);
		execute("CREATE DATABASE " + TEMPLATE);
		Flyway.configure()
			.dataSource(urlOf(TEMPLATE), this.username, this.password)
			.locations("classpath:db/migration/catalog")
			.load()
			.migrate();
	}

	/** A new, migrated, empty catalog database. */
	HikariDataSource fresh() throws SQLException {
		String name = "shipshape_bench_" + ProcessHandle.current().pid() + "_" + (++this.created);
		execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(urlOf(name));
		dataSource.setUsername(this.username);
		dataSource.setPassword(this.password);
		dataSource.setMaximumPoolSize(4);
		return dataSource;
	}

	void drop(DataSource dataSource) throws SQLException {
		HikariDataSource hikari = (HikariDataSource) dataSource;
		String url = hikari.getJdbcUrl();
		hikari.close();
		String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
		execute("DROP DATABASE IF EXISTS " + name);
	}

	private String urlOf(String database) {
		String base = this.adminUrl.contains("?") ? this.adminUrl.substring(0, this.adminUrl.indexOf('?')) : this.adminUrl;
		String query = this.adminUrl.contains("?") ? this.adminUrl.substring(this.adminUrl.indexOf('?')) : "";
		return base.substring(0, base.lastIndexOf('/') + 1) + database + query;
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, this.username, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Override
	public void close() throws IOException, SQLException {
		execute("DROP DATABASE IF EXISTS " + TEMPLATE);
		if (this.embedded != null) {
			this.embedded.close();
		}
	}
}
