package dev.shipshape.portal.scorecards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.shipshape.scorecard.Level;
import dev.shipshape.scorecard.Rule;
import dev.shipshape.scorecard.Scorecard;

/**
 * A readable difference between two versions of a scorecard: rules added, removed and changed (with
 * each changed field), and changes to the scorecard itself (name, applies-to, levels, owner).
 */
public record ScorecardDiff(String from, String to, List<Rule> added, List<Rule> removed, List<RuleChange> changed,
		List<FieldChange> scorecardChanges) {

	public boolean isEmpty() {
		return this.added.isEmpty() && this.removed.isEmpty() && this.changed.isEmpty() && this.scorecardChanges.isEmpty();
	}

	static ScorecardDiff between(String from, Scorecard before, String ownerBefore, String to, Scorecard after,
			String ownerAfter) {
		Map<String, Rule> oldRules = byKey(before.rules());
		Map<String, Rule> newRules = byKey(after.rules());
		List<Rule> added = after.rules().stream().filter((rule) -> !oldRules.containsKey(rule.key())).toList();
		List<Rule> removed = before.rules().stream().filter((rule) -> !newRules.containsKey(rule.key())).toList();
		List<RuleChange> changed = new ArrayList<>();
		for (Rule rule : after.rules()) {
			Rule old = oldRules.get(rule.key());
			if (old != null) {
				List<FieldChange> fields = ruleChanges(old, rule);
				if (!fields.isEmpty()) {
					changed.add(new RuleChange(rule.key(), rule.title(), fields));
				}
			}
		}
		List<FieldChange> scorecard = new ArrayList<>();
		compare(scorecard, "name", before.name(), after.name());
		compare(scorecard, "description", before.description(), after.description());
		compare(scorecard, "appliesTo", before.appliesTo(), after.appliesTo());
		compare(scorecard, "ownerTeam", ownerBefore, ownerAfter);
		compare(scorecard, "levels", levels(before.levels()), levels(after.levels()));
		return new ScorecardDiff(from, to, added, removed, changed, scorecard);
	}

	private static List<FieldChange> ruleChanges(Rule before, Rule after) {
		List<FieldChange> changes = new ArrayList<>();
		compare(changes, "expression", before.expression(), after.expression());
		compare(changes, "level", before.level(), after.level());
		compare(changes, "title", before.title(), after.title());
		compare(changes, "description", before.description(), after.description());
		compare(changes, "remediation", before.remediation(), after.remediation());
		compare(changes, "effectiveFrom", Objects.toString(before.effectiveFrom(), null),
				Objects.toString(after.effectiveFrom(), null));
		return changes;
	}

	private static void compare(List<FieldChange> changes, String field, String before, String after) {
		if (!Objects.equals(before, after)) {
			changes.add(new FieldChange(field, before, after));
		}
	}

	private static String levels(List<Level> levels) {
		return String.join(", ", levels.stream()
			.map((level) -> level.name() + " (" + level.key() + (level.blocking() ? ", blocking" : "") + ")")
			.toList());
	}

	private static Map<String, Rule> byKey(List<Rule> rules) {
		Map<String, Rule> map = new LinkedHashMap<>();
		rules.forEach((rule) -> map.put(rule.key(), rule));
		return map;
	}

	public record RuleChange(String key, String title, List<FieldChange> fields) {
	}

	public record FieldChange(String field, String before, String after) {
	}
}
