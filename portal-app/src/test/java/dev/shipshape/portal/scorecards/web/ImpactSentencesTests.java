package dev.shipshape.portal.scorecards.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.shipshape.portal.scorecards.ImpactPreview.Impact;
import dev.shipshape.portal.scorecards.ImpactPreview.ServiceImpact;
import dev.shipshape.portal.scorecards.ImpactPreview.Totals;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImpactSentencesTests {

	private static final Map<String, String> LEVELS = Map.of("bronze", "Bronze", "silver", "Silver", "gold", "Gold");

	@Test
	void movesComeFirstBiggestFirstThenTheMinimumBar() {
		List<ServiceImpact> changes = new ArrayList<>();
		for (int i = 0; i < 14; i++) {
			changes.add(new ServiceImpact("s" + i, "silver", "bronze", true, true, List.of("coverage"), List.of(), -1));
		}
		for (int i = 0; i < 3; i++) {
			changes.add(new ServiceImpact("f" + i, "bronze", null, true, false, List.of("runbook"), List.of(), -1));
		}

		String sentence = ImpactSentences.of(impact(changes, new Totals(17, 0, 17, 3, 0, Map.of())), LEVELS);

		assertThat(sentence).isEqualTo("14 services drop from Silver to Bronze; 3 services drop from Bronze to no level; "
				+ "3 services newly fail the minimum bar.");
	}

	@Test
	void oneServiceIsSingular() {
		List<ServiceImpact> changes = List.of(
				new ServiceImpact("a", null, "gold", false, true, List.of(), List.of("runbook"), 1),
				new ServiceImpact("b", "gold", "gold", true, true, List.of("docs"), List.of(), 0));

		String sentence = ImpactSentences.of(impact(changes, new Totals(2, 1, 0, 0, 1, Map.of())), LEVELS);

		assertThat(sentence).isEqualTo("1 service rises from no level to Gold; 1 service newly meets the minimum bar; "
				+ "1 service keeps its level with other rule results.");
	}

	@Test
	void nothingChanging() {
		assertThat(ImpactSentences.of(impact(List.of(), new Totals(0, 0, 0, 0, 0, Map.of())), LEVELS))
			.isEqualTo("No service would change: all 5 services keep their level and every rule result.");
	}

	private static Impact impact(List<ServiceImpact> changes, Totals totals) {
		return new Impact("readiness", 3, 5, changes, totals, Instant.EPOCH, List.of());
	}
}
