package dev.shipshape.waivers;

import java.time.Instant;

import dev.shipshape.testsupport.TestClock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The module on its own: its migrations on a real PostgreSQL, a clock the tests move, and targets
 * where only the scorecard {@code prod} with the rules {@code runbook} and {@code tests} exists.
 */
@SpringBootApplication
class WaiversTestApplication {

	static final Instant START = Instant.parse("2030-01-06T09:00:00Z");

	@Bean
	TestClock clock() {
		return new TestClock(START);
	}

	@Bean
	ExceptionTargets exceptionTargets() {
		return (target) -> {
			if (!"prod".equals(target.scorecard())) {
				throw new ExceptionProblems.Invalid("scorecard", "no published scorecard '" + target.scorecard() + "'");
			}
			if (!target.rule().equals("runbook") && !target.rule().equals("tests")) {
				throw new ExceptionProblems.Invalid("rule", "scorecard prod has no rule '" + target.rule() + "'");
			}
			return target;
		};
	}
}
