package dev.shipshape.scorecard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FactValueTests {

	@Test
	void anEmptyTextReadsAsEmptyQuotesNotAsNothing() {
		assertThat(new FactValue("service.links.oncall", "", true)).hasToString("service.links.oncall = \"\"");
		assertThat(new FactValue("service.links.oncall", "https://oncall.example", true))
			.hasToString("service.links.oncall = https://oncall.example");
		assertThat(FactValue.missing("service.facts.coverage")).hasToString("service.facts.coverage = (missing)");
	}
}
