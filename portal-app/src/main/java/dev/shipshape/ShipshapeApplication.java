package dev.shipshape;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The Shipshape portal. Lives in the root package so that every module's package
 * ({@code dev.shipshape.catalog}, {@code dev.shipshape.waivers}, {@code dev.shipshape.portal})
 * is scanned for components, entities and repositories.
 */
@SpringBootApplication
public class ShipshapeApplication {

	public static void main(String[] args) {
		SpringApplication.run(ShipshapeApplication.class, args);
	}

	/** The one clock every evaluation, expiry and timestamp reads; tests replace it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
