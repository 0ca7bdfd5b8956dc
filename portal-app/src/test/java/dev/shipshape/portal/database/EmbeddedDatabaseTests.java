package dev.shipshape.portal.database;

import java.nio.file.Path;
import java.util.List;

import dev.shipshape.ShipshapeApplication;
import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.TeamForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's run command on a fresh machine: no database configured. */
class EmbeddedDatabaseTests {

	@TempDir
	Path dataDirectory;

	@Test
	void startsWithDemoDataAndKeepsWhatWasCreatedAcrossRestarts() {
		try (ConfigurableApplicationContext first = start()) {
			CatalogManagement catalog = first.getBean(CatalogManagement.class);
			assertThat(catalog.findService("payment-gateway")).isPresent();
			catalog.createTeam(new TeamForm("created-between-restarts", null, null, null, null, null, List.of(), null));
		}
		try (ConfigurableApplicationContext second = start()) {
			assertThat(second.getBean(CatalogManagement.class).findTeam("created-between-restarts")).isPresent();
			assertThat(second.getEnvironment().getActiveProfiles()).contains("embedded");
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(ShipshapeApplication.class)
			.properties("spring.datasource.url=", "server.port=0",
					"shipshape.embedded-database.directory=" + this.dataDirectory.resolve("postgres"))
			.run();
	}
}
