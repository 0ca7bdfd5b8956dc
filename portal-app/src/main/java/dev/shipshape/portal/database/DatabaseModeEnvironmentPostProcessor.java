package dev.shipshape.portal.database;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database before anything starts: the server named by {@code spring.datasource.url}
 * (environment variable {@code SPRING_DATASOURCE_URL}) when there is one, otherwise an embedded
 * PostgreSQL with demo data, so that the portal runs on a machine with nothing but a JDK.
 */
public class DatabaseModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** The profile of the embedded default: embedded PostgreSQL, demo data and demo accounts. */
	public static final String EMBEDDED_PROFILE = "embedded";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("spring.datasource.url");
		if (url != null && !url.isBlank()) {
			return;
		}
		environment.addActiveProfile(EMBEDDED_PROFILE);
		environment.getPropertySources()
			.addLast(new MapPropertySource("shipshapeEmbeddedDefaults", Map.of("shipshape.demo.enabled", "true")));
	}

	/** After configuration files and the environment have been read, so that a configured URL is seen. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 30;
	}
}
