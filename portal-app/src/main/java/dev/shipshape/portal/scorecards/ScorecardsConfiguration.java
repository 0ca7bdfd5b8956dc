package dev.shipshape.portal.scorecards;

import dev.shipshape.scorecard.ScorecardCompiler;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ScorecardsConfiguration {

	/** One compiler with the engine's default limits on expressions and evaluations. */
	@Bean
	ScorecardCompiler scorecardCompiler() {
		return new ScorecardCompiler();
	}
}
