package dev.shipshape.portal.ops;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the operations endpoints, under {@code shipshape.ops}.
 *
 * @param metricsToken the secret a Prometheus server sends as {@code Authorization: Bearer …} to
 *     read {@code /actuator/prometheus}; not set means only administrators may read it
 * @param queueRefresh how often the queue depths (stale results, pending runs, the webhook outbox)
 *     are read from the database for the metrics (15 seconds)
 */
@ConfigurationProperties("shipshape.ops")
@Validated
record OpsProperties(String metricsToken, @NotNull @DefaultValue("15s") Duration queueRefresh) {

	@AssertTrue(message = "a metrics token needs at least 16 characters")
	public boolean isMetricsTokenLongEnough() {
		return !hasMetricsToken() || this.metricsToken.strip().length() >= 16;
	}

	public boolean hasMetricsToken() {
		return this.metricsToken != null && !this.metricsToken.isBlank();
	}
}
