package dev.shipshape.portal.scorecards.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import dev.shipshape.portal.scorecards.LevelSnapshots;
import dev.shipshape.portal.scorecards.LevelSnapshots.DayCount;
import dev.shipshape.scorecard.Level;

/**
 * The trend of level counts over days, laid out for an inline SVG: one line per level (and one for
 * services below the first level), days along x, services along y. Coordinates are in the SVG's
 * own units; the page scales the drawing to its width.
 */
record TrendChart(List<Series> series, List<Tick> xTicks, List<Tick> yTicks, int days) {

	static final int WIDTH = 720;

	static final int HEIGHT = 240;

	private static final int LEFT = 48;

	private static final int RIGHT = 16;

	private static final int TOP = 12;

	private static final int BOTTOM = 28;

	static TrendChart of(List<DayCount> counts, List<Level> levels) {
		List<LocalDate> days = new ArrayList<>(new TreeSet<>(counts.stream().map(DayCount::day).toList()));
		Map<String, String> names = new LinkedHashMap<>();
		names.put(LevelSnapshots.NO_LEVEL, "No level");
		levels.forEach((level) -> names.put(level.key(), level.name()));
		int max = Math.max(1, counts.stream().mapToInt(DayCount::services).max().orElse(0));
		List<Series> series = new ArrayList<>();
		int index = 0;
		for (Map.Entry<String, String> level : names.entrySet()) {
			series.add(Series.of(level.getValue(), index++, counts, level.getKey(), days, max));
		}
		return new TrendChart(series, xTicks(days), yTicks(max), days.size());
	}

	public boolean isEmpty() {
		return this.days == 0;
	}

	public int width() {
		return WIDTH;
	}

	public int height() {
		return HEIGHT;
	}

	public int left() {
		return LEFT;
	}

	public int right() {
		return WIDTH - RIGHT;
	}

	public int bottom() {
		return HEIGHT - BOTTOM;
	}

	private static double x(int dayIndex, int dayCount) {
		double plot = WIDTH - LEFT - RIGHT;
		return (dayCount <= 1) ? LEFT + plot / 2 : LEFT + plot * dayIndex / (dayCount - 1);
	}

	private static double y(int services, int max) {
		double plot = HEIGHT - TOP - BOTTOM;
		return TOP + plot - plot * services / max;
	}

	private static List<Tick> xTicks(List<LocalDate> days) {
		List<Tick> ticks = new ArrayList<>();
		int step = Math.max(1, (days.size() + 5) / 6);
		for (int i = 0; i < days.size(); i += step) {
			ticks.add(new Tick(x(i, days.size()), HEIGHT - 8, days.get(i).toString()));
		}
		return ticks;
	}

	private static List<Tick> yTicks(int max) {
		return List.of(new Tick(LEFT - 6, y(0, max) + 4, "0"), new Tick(LEFT - 6, y(max / 2, max) + 4, String.valueOf(max / 2)),
				new Tick(LEFT - 6, y(max, max) + 4, String.valueOf(max)));
	}

	/** A level's line: {@code points} for a polyline, and a dot per day for single days and hovering. */
	record Series(String name, String cssClass, String points, List<Dot> dots) {

		static Series of(String name, int index, List<DayCount> counts, String level, List<LocalDate> days, int max) {
			List<Dot> dots = new ArrayList<>();
			StringBuilder points = new StringBuilder();
			for (int i = 0; i < days.size(); i++) {
				LocalDate day = days.get(i);
				int services = counts.stream()
					.filter((count) -> count.day().equals(day) && count.level().equals(level))
					.mapToInt(DayCount::services)
					.sum();
				Dot dot = new Dot(x(i, days.size()), y(services, max), day + ": " + services + " " + name);
				dots.add(dot);
				points.append(String.format(Locale.ROOT, "%.1f,%.1f ", dot.x(), dot.y()));
			}
			return new Series(name, "trend-" + (index % 6), points.toString().trim(), dots);
		}
	}

	record Dot(double x, double y, String label) {
	}

	record Tick(double x, double y, String label) {
	}
}
