package dev.shipshape.portal.scorecards.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.shipshape.portal.scorecards.ImpactPreview.Impact;
import dev.shipshape.portal.scorecards.ImpactPreview.ServiceImpact;
import dev.shipshape.portal.scorecards.ImpactPreview.Totals;

/**
 * A preview's totals in words, biggest moves first: "14 services drop from Silver to Minimum bar;
 * 3 services newly fail the minimum bar."
 */
final class ImpactSentences {

	private ImpactSentences() {
	}

	/** {@code levelNames} maps level keys of both versions to the names people know them by. */
	static String of(Impact impact, Map<String, String> levelNames) {
		if (impact.changes().isEmpty()) {
			return "No service would change: all " + services(impact.servicesEvaluated())
					+ " keep their level and every rule result.";
		}
		List<String> clauses = new ArrayList<>();
		for (Move move : moves(impact.changes())) {
			clauses.add(services(move.count()) + " " + verb(move.count(), move.direction() < 0 ? "drop" : "rise")
					+ " from " + name(levelNames, move.before()) + " to " + name(levelNames, move.after()));
		}
		Totals totals = impact.totals();
		if (totals.newlyFailMinimumBar() > 0) {
			clauses.add(services(totals.newlyFailMinimumBar()) + " newly " + verb(totals.newlyFailMinimumBar(), "fail")
					+ " the minimum bar");
		}
		if (totals.newlyMeetMinimumBar() > 0) {
			clauses.add(services(totals.newlyMeetMinimumBar()) + " newly " + verb(totals.newlyMeetMinimumBar(), "meet")
					+ " the minimum bar");
		}
		long sameLevel = impact.changes().stream().filter((c) -> Objects.equals(c.levelBefore(), c.levelAfter())).count();
		if (sameLevel > 0) {
			clauses.add(services((int) sameLevel) + " " + verb((int) sameLevel, "keep") + " " + ((sameLevel == 1) ? "its" : "their")
					+ " level with other rule results");
		}
		String sentence = String.join("; ", clauses) + ".";
		return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
	}

	private static List<Move> moves(List<ServiceImpact> changes) {
		Map<List<String>, Move> moves = new LinkedHashMap<>();
		for (ServiceImpact change : changes) {
			if (!Objects.equals(change.levelBefore(), change.levelAfter())) {
				moves.merge(Arrays.asList(change.levelBefore(), change.levelAfter()),
						new Move(change.levelBefore(), change.levelAfter(), change.direction(), 1),
						(a, b) -> new Move(a.before(), a.after(), a.direction(), a.count() + 1));
			}
		}
		return moves.values().stream().sorted(Comparator.comparingInt(Move::count).reversed()).toList();
	}

	private static String name(Map<String, String> levelNames, String key) {
		return (key != null) ? levelNames.getOrDefault(key, key) : "no level";
	}

	private static String services(int count) {
		return count + ((count == 1) ? " service" : " services");
	}

	/** "1 service drops", "3 services drop". */
	private static String verb(int count, String plural) {
		return (count == 1) ? plural + "s" : plural;
	}

	private record Move(String before, String after, int direction, int count) {
	}
}
