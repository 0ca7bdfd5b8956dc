package dev.shipshape.portal.scorecards.web;

import java.time.LocalDate;
import java.util.List;

import dev.shipshape.portal.scorecards.LevelSnapshots;
import dev.shipshape.portal.scorecards.LevelSnapshots.DayCount;
import dev.shipshape.scorecard.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrendChartTests {

	private static final List<Level> LEVELS = List.of(new Level("bronze", "Bronze", true), new Level("silver", "Silver", false));

	@Test
	void aLinePerLevelWithTheLargestCountAtTheTopAndADayMissingAsZero() {
		LocalDate monday = LocalDate.of(2026, 11, 23);
		TrendChart chart = TrendChart.of(List.of(new DayCount(monday, "bronze", 10), new DayCount(monday, LevelSnapshots.NO_LEVEL, 5),
				new DayCount(monday.plusDays(1), "bronze", 8), new DayCount(monday.plusDays(1), "silver", 2)), LEVELS);

		assertThat(chart.series()).extracting(TrendChart.Series::name).containsExactly("No level", "Bronze", "Silver");
		TrendChart.Series bronze = chart.series().get(1);
		assertThat(bronze.dots()).hasSize(2);
		assertThat(bronze.dots().get(0).x()).isEqualTo(chart.left());
		assertThat(bronze.dots().get(1).x()).isEqualTo(chart.right());
		assertThat(bronze.dots().get(0).y()).isLessThan(bronze.dots().get(1).y());
		assertThat(chart.series().get(2).dots().get(0).y()).isEqualTo(chart.bottom());
		assertThat(bronze.points()).isEqualTo("48.0,12.0 704.0,52.0");
		assertThat(chart.yTicks()).extracting(TrendChart.Tick::label).containsExactly("0", "5", "10");
	}

	@Test
	void noCountsIsAnEmptyChart() {
		assertThat(TrendChart.of(List.of(), LEVELS).isEmpty()).isTrue();
	}
}
