package dev.shipshape.waivers;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of exceptions, under {@code shipshape.exceptions}.
 *
 * @param defaultDuration how long an exception lasts when the request does not say (7 days)
 * @param maxDuration the longest an exception may last, counted from the request (30 days)
 * @param allowSelfApproval whether an SRE may approve a request they made themselves (no)
 * @param expiringNotice how long before its expiry receivers hear that an exception is about to
 *     expire (48 hours)
 * @param expiryCheckInterval how often the expiry watch looks for exceptions that expired, at the
 *     latest; it also wakes up at the next expiry when that comes sooner (30 seconds)
 * @param webhook where to tell about requests, decisions and expiries
 */
@ConfigurationProperties("shipshape.exceptions")
@Validated
public record ExceptionsProperties(@NotNull @DefaultValue("7d") Duration defaultDuration,
		@NotNull @DefaultValue("30d") Duration maxDuration, @DefaultValue("false") boolean allowSelfApproval,
		@NotNull @DefaultValue("48h") Duration expiringNotice, @NotNull @DefaultValue("30s") Duration expiryCheckInterval,
		@Valid @NotNull @DefaultValue Webhook webhook) {

	@AssertTrue(message = "must be positive and no longer than max-duration")
	public boolean isDefaultDurationWithinMax() {
		return this.defaultDuration == null || this.maxDuration == null
				|| (!this.defaultDuration.isNegative() && !this.defaultDuration.isZero()
						&& this.defaultDuration.compareTo(this.maxDuration) <= 0);
	}

	/**
	 * The outbound webhook; nothing is sent while {@code url} is not set.
	 *
	 * @param url the receiver, e.g. {@code https://chat-bridge.example/hooks/shipshape}
	 * @param secret the key of the HMAC-SHA256 signature sent in {@code X-Shipshape-Signature}
	 * @param timeout how long one delivery may take (10 seconds)
	 * @param maxAttempts deliveries tried before giving up on a notification (10)
	 * @param firstRetry the wait after the first failure, doubled after each further one (30 seconds)
	 * @param longestRetry the longest wait between two attempts (1 hour)
	 * @param pollInterval how often the delivery worker looks for notifications due (5 seconds)
	 */
	public record Webhook(URI url, String secret, @NotNull @DefaultValue("10s") Duration timeout,
			@Min(1) @Max(100) @DefaultValue("10") int maxAttempts, @NotNull @DefaultValue("30s") Duration firstRetry,
			@NotNull @DefaultValue("1h") Duration longestRetry, @NotNull @DefaultValue("5s") Duration pollInterval) {

		public boolean enabled() {
			return this.url != null && !this.url.toString().isBlank();
		}

		@AssertTrue(message = "a webhook url needs a secret to sign with")
		public boolean isSecretSetWhenEnabled() {
			return !enabled() || (this.secret != null && !this.secret.isBlank());
		}

		@AssertTrue(message = "must be an absolute http or https address")
		public boolean isUrlHttp() {
			return !enabled() || ("http".equals(this.url.getScheme()) || "https".equals(this.url.getScheme()));
		}
	}
}
