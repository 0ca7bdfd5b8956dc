package dev.shipshape.portal.scorecards.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.shipshape.portal.scorecards.web.DraftPageForm.RuleRow;
import dev.shipshape.scorecard.Diagnostic;

/**
 * The engine's diagnostics placed where the editor shows them: next to the rule they concern, under
 * the applies-to filter, or above the form when they concern the scorecard as a whole.
 */
record DraftDiagnostics(Map<String, List<Shown>> byRule, List<Shown> appliesTo, List<Shown> scorecard) {

	static final DraftDiagnostics NONE = new DraftDiagnostics(Map.of(), List.of(), List.of());

	static DraftDiagnostics of(List<Diagnostic> diagnostics, DraftPageForm form) {
		Map<String, String> expressions = new LinkedHashMap<>();
		for (RuleRow rule : form.rules()) {
			if (rule.key() != null) {
				expressions.putIfAbsent(rule.key(), rule.expression());
			}
		}
		Map<String, List<Shown>> byRule = new LinkedHashMap<>();
		List<Shown> appliesTo = new ArrayList<>();
		List<Shown> scorecard = new ArrayList<>();
		for (Diagnostic diagnostic : diagnostics) {
			if (Diagnostic.APPLIES_TO.equals(diagnostic.ruleKey())) {
				appliesTo.add(Shown.of(diagnostic, form.appliesTo()));
			}
			else if (diagnostic.ruleKey() != null && expressions.containsKey(diagnostic.ruleKey())) {
				byRule.computeIfAbsent(diagnostic.ruleKey(), (key) -> new ArrayList<>())
					.add(Shown.of(diagnostic, expressions.get(diagnostic.ruleKey())));
			}
			else {
				scorecard.add(new Shown(0, 0, diagnostic.toString(), null, null));
			}
		}
		return new DraftDiagnostics(byRule, appliesTo, scorecard);
	}

	public List<Shown> forRule(String ruleKey) {
		return (ruleKey != null) ? this.byRule.getOrDefault(ruleKey, List.of()) : List.of();
	}

	public int count() {
		return this.byRule.values().stream().mapToInt(List::size).sum() + this.appliesTo.size() + this.scorecard.size();
	}

	/**
	 * One diagnostic with the line of the expression it points into and a caret under the column,
	 * so that the editor can show where the problem is.
	 */
	record Shown(int line, int column, String message, String sourceLine, String caret) {

		static Shown of(Diagnostic diagnostic, String expression) {
			String[] lines = (expression != null) ? expression.split("\r?\n", -1) : new String[0];
			if (diagnostic.line() < 1 || diagnostic.line() > lines.length) {
				return new Shown(diagnostic.line(), diagnostic.column(), diagnostic.message(), null, null);
			}
			String source = lines[diagnostic.line() - 1];
			String caret = " ".repeat(Math.max(0, diagnostic.column() - 1)) + "^";
			return new Shown(diagnostic.line(), diagnostic.column(), diagnostic.message(), source, caret);
		}

		public String position() {
			return (this.line > 0) ? "line " + this.line + ", column " + this.column : null;
		}
	}
}
