package dev.shipshape.scorecard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks of a scorecard's shape that do not involve CEL. */
final class StructureCheck {

	/** Letters and digits separated by single {@code -}, {@code _} or {@code .}; 1 to 63 characters. */
	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*");

	private static final int MAX_KEY_LENGTH = 63;

	private final EngineLimits limits;

	private final List<Diagnostic> diagnostics = new ArrayList<>();

	private StructureCheck(EngineLimits limits) {
		this.limits = limits;
	}

	static List<Diagnostic> of(Scorecard scorecard, EngineLimits limits) {
		StructureCheck check = new StructureCheck(limits);
		check.scorecard(scorecard);
		return List.copyOf(check.diagnostics);
	}

	private void scorecard(Scorecard scorecard) {
		key(null, "scorecard key", scorecard.key());
		notBlank(null, "scorecard name", scorecard.name());
		Set<String> levelKeys = levels(scorecard.levels());
		if (scorecard.rules().size() > this.limits.maxRules()) {
			problem(null, "the scorecard has " + scorecard.rules().size() + " rules; the limit is "
					+ this.limits.maxRules());
		}
		rules(scorecard.rules(), levelKeys);
	}

	private Set<String> levels(List<Level> levels) {
		if (levels.isEmpty()) {
			problem(null, "the scorecard has no level; it needs at least one");
		}
		Set<String> keys = new HashSet<>();
		Set<String> folded = new HashSet<>();
		for (int i = 0; i < levels.size(); i++) {
			Level level = levels.get(i);
			String label = "level #" + (i + 1);
			if (key(null, label + " key", level.key())) {
				keys.add(level.key());
				if (!folded.add(level.key().toLowerCase(Locale.ROOT))) {
					problem(null, label + " repeats the key '" + level.key() + "'");
				}
			}
			notBlank(null, label + " name", level.name());
		}
		return keys;
	}

	private void rules(List<Rule> rules, Set<String> levelKeys) {
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < rules.size(); i++) {
			Rule rule = rules.get(i);
			String label = "rule #" + (i + 1);
			if (!key(null, label + " key", rule.key())) {
				continue;
			}
			if (!keys.add(rule.key().toLowerCase(Locale.ROOT))) {
				problem(rule.key(), label + " repeats the key '" + rule.key() + "'");
			}
			notBlank(rule.key(), "title", rule.title());
			if (rule.level() == null || !levelKeys.contains(rule.level())) {
				problem(rule.key(), "level '" + rule.level() + "' is not a level of this scorecard");
			}
		}
	}

	private boolean key(String ruleKey, String what, String key) {
		if (!notBlank(ruleKey, what, key)) {
			return false;
		}
		if (key.length() > MAX_KEY_LENGTH || !KEY.matcher(key).matches()) {
			problem(ruleKey, what + " '" + key + "' must be 1 to " + MAX_KEY_LENGTH
					+ " letters or digits, separated by single '-', '_' or '.'");
			return false;
		}
		return true;
	}

	private boolean notBlank(String ruleKey, String what, String value) {
		if (value == null || value.isBlank()) {
			problem(ruleKey, what + " is blank");
			return false;
		}
		return true;
	}

	private void problem(String ruleKey, String message) {
		this.diagnostics.add(Diagnostic.ofRule(ruleKey, message));
	}

}
