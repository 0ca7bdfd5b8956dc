package dev.shipshape.portal.security;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Throttling of password sign-ins (form and HTTP Basic). After {@code maxFailuresPerAccount}
 * failures in a row for one account name, or {@code maxFailuresPerClient} from one client
 * address, sign-in is refused for {@code firstLock}; every further failure doubles the wait, up to
 * {@code longestLock}. A streak is forgotten after {@code forgetAfter} without failure, and an
 * account's streak ends when it signs in.
 */
@ConfigurationProperties("shipshape.sign-in")
@Validated
record SignInProperties(@DefaultValue("5") @Min(1) int maxFailuresPerAccount,
		@DefaultValue("20") @Min(1) int maxFailuresPerClient, @DefaultValue("1m") Duration firstLock,
		@DefaultValue("1h") Duration longestLock, @DefaultValue("24h") Duration forgetAfter) {

	/** How long sign-in stays refused after this many failures in a row, if at all. */
	Duration lockAfter(int failures, int allowedFailures) {
		if (failures < allowedFailures) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - allowedFailures, 30);
		Duration lock = this.firstLock.multipliedBy(1L << doublings);
		return (lock.compareTo(this.longestLock) > 0) ? this.longestLock : lock;
	}
}
