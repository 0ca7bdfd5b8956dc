package dev.shipshape.catalog;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
class CatalogTestApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
