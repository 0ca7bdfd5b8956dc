package dev.shipshape.scorecard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compiles and validates scorecards. Building the CEL environment is costly: keep one compiler and
 * reuse it. Thread-safe.
 */
public final class ScorecardCompiler {

	private final EngineLimits limits;

	private final RuleLanguage language;

	/** A compiler with {@link EngineLimits#defaults()}. */
	public ScorecardCompiler() {
		this(EngineLimits.defaults());
	}

	/** A compiler with the given limits, which also apply to the scorecards it compiles. */
	public ScorecardCompiler(EngineLimits limits) {
		this.limits = Objects.requireNonNull(limits, "limits");
		this.language = new RuleLanguage(limits);
	}

	/** The limits of this compiler. */
	public EngineLimits limits() {
		return this.limits;
	}

	/**
	 * Compiles a scorecard.
	 * @throws ScorecardCompilationException with every problem found, if there is any
	 */
	public CompiledScorecard compile(Scorecard scorecard) throws ScorecardCompilationException {
		Attempt attempt = attempt(scorecard);
		if (!attempt.diagnostics().isEmpty()) {
			throw new ScorecardCompilationException(scorecard.key(), attempt.diagnostics());
		}
		List<String> levelKeys = scorecard.levels().stream().map(Level::key).toList();
		List<CompiledRule> rules = scorecard.rules().stream().map((rule) -> {
			int levelIndex = levelKeys.indexOf(rule.level());
			return new CompiledRule(rule, scorecard.levels().get(levelIndex), levelIndex,
					attempt.expressions().get(rule.key()));
		}).toList();
		return new CompiledScorecard(scorecard, attempt.appliesTo(), rules, this.limits);
	}

	/**
	 * Every problem of a scorecard: its shape (keys and names not blank, at least one level, unique
	 * keys, each rule at an existing level, no more rules than the limit) and each expression (syntax,
	 * unknown variables or functions, non-boolean type, limits). Empty when the scorecard compiles.
	 */
	public List<Diagnostic> validate(Scorecard scorecard) {
		return attempt(scorecard).diagnostics();
	}

	/** The problems of one rule expression, as {@link #validate} reports them. */
	public List<Diagnostic> validateExpression(String ruleKey, String expression) {
		return this.language.compileRule(ruleKey, expression).diagnostics();
	}

	private Attempt attempt(Scorecard scorecard) {
		Objects.requireNonNull(scorecard, "scorecard");
		List<Diagnostic> diagnostics = new ArrayList<>(StructureCheck.of(scorecard, this.limits));
		CompiledExpression appliesTo = null;
		if (scorecard.hasFilter()) {
			RuleLanguage.Result filter = this.language.compileFilter(scorecard.appliesTo());
			diagnostics.addAll(filter.diagnostics());
			appliesTo = filter.expression();
		}
		Map<String, CompiledExpression> expressions = new HashMap<>();
		if (scorecard.rules().size() <= this.limits.maxRules()) {
			for (Rule rule : scorecard.rules()) {
				RuleLanguage.Result compiled = this.language.compileRule(rule.key(), rule.expression());
				diagnostics.addAll(compiled.diagnostics());
				expressions.put(rule.key(), compiled.expression());
			}
		}
		return new Attempt(List.copyOf(diagnostics), appliesTo, expressions);
	}

	private record Attempt(List<Diagnostic> diagnostics, CompiledExpression appliesTo,
			Map<String, CompiledExpression> expressions) {
	}

}
