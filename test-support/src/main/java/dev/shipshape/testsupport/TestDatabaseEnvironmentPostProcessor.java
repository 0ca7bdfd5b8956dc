package dev.shipshape.testsupport;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every Spring application started by a test at a fresh database on the test server,
 * unless the test names a database itself, so that a test never sees another test's leftovers; and
 * makes password hashing cheap.
 */
public class TestDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Runs after configuration files are read so that a URL set by the test wins. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		// Hashing every test password at production cost would spend minutes of CPU per test run.
		environment.getPropertySources()
			.addLast(new MapPropertySource("shipshapeTestDefaults", Map.of("shipshape.security.password-hash-strength", "4")));
		if (environment.containsProperty("spring.datasource.url")) {
			return;
		}
		TestPostgres.TestDatabase database = TestPostgres.createDatabase();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("shipshapeTestDatabase",
					Map.of("spring.datasource.url", database.url(), "spring.datasource.username", database.username(),
							"spring.datasource.password", database.password(), "spring.test.database.replace", "none")));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}
}
