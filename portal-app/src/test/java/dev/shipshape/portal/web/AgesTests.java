package dev.shipshape.portal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgesTests {

	private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

	private final Ages ages = new Ages(Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void anExceptionGrantedForThreeDaysASecondAgoEndsInThreeDays() {
		assertThat(this.ages.until(NOW.plus(Duration.ofDays(3)).minusSeconds(1))).isEqualTo("in 3 days");
	}

	@Test
	void daysShowTheHoursLeftOver() {
		assertThat(this.ages.until(NOW.plus(Duration.ofDays(4).plusHours(20)))).isEqualTo("in 4 days 20 hours");
		assertThat(this.ages.since(NOW.minus(Duration.ofDays(2).plusHours(1)))).isEqualTo("2 days 1 hour ago");
	}

	@Test
	void shorterSpansKeepTheirUnit() {
		assertThat(this.ages.until(NOW.plus(Duration.ofHours(5)))).isEqualTo("in 5 hours");
		assertThat(this.ages.since(NOW.minus(Duration.ofMinutes(3)))).isEqualTo("3 minutes ago");
		assertThat(this.ages.since(NOW.minusSeconds(10))).isEqualTo("just now");
	}

	@Test
	void theLongestShorteningInDaysEndsByTheExpiryAskedFor() {
		assertThat(this.ages.daysUntil(NOW.plus(Duration.ofDays(7)))).isEqualTo(7);
		assertThat(this.ages.daysUntil(NOW.plus(Duration.ofDays(7)).minusSeconds(1))).isEqualTo(6);
		assertThat(this.ages.daysUntil(NOW.plus(Duration.ofHours(5)))).isEqualTo(1);
	}
}
