package dev.shipshape.scorecard;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.cel.common.exceptions.CelAttributeNotFoundException;
import dev.cel.common.exceptions.CelIterationLimitExceededException;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

/**
 * One compiled CEL expression (a rule or an applies-to filter) with the subject fields it reads.
 * Immutable and thread-safe: CEL programs keep no state between evaluations.
 */
final class CompiledExpression {

	private static final Pattern CEL_MESSAGE_PREFIX = Pattern.compile("^evaluation error(?: at [^:]*:\\d+)?: ");

	private final CelRuntime.Program program;

	private final List<FactPath> paths;

	private final List<FactPath> valuePaths;

	private final Map<Long, FactPath> selectedAfter;

	private final boolean readsRelease;

	CompiledExpression(CelRuntime.Program program, ReadPaths readPaths) {
		Map<FactPath, Boolean> reads = readPaths.valueReads();
		this.program = program;
		this.selectedAfter = Map.copyOf(readPaths.selectedAfter());
		this.paths = List.copyOf(reads.keySet());
		this.valuePaths = reads.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
		this.readsRelease = this.paths.stream().anyMatch((path) -> path.root().equals("release"));
	}

	boolean readsRelease() {
		return this.readsRelease;
	}

	List<String> paths() {
		return this.paths.stream().map(FactPath::toString).toList();
	}

	/** Evaluates to PASS, FAIL or ERROR; never throws. */
	Verdict evaluate(SubjectVariables variables, EngineLimits limits) {
		EvaluationBudget budget = new EvaluationBudget(limits);
		try {
			Object value = this.program.trace(variables, budget);
			if (value instanceof Boolean passed) {
				return passed ? Verdict.PASSED : Verdict.FAILED;
			}
			return Verdict.error("expression returned " + SubjectVariables.kindOf(value) + ", not a bool");
		}
		catch (CelEvaluationException ex) {
			return Verdict.error(reasonFor(ex, variables, budget.lastExprId(), limits));
		}
		catch (EvaluationBudget.Exceeded ex) {
			return Verdict.error(ex.getMessage());
		}
		catch (RuntimeException | StackOverflowError ex) {
			return Verdict.error("evaluation failed: " + ex);
		}
	}

	/** The values of the fields the expression reads. */
	List<FactValue> explain(SubjectVariables variables) {
		FactValue[] facts = new FactValue[this.paths.size()];
		for (int i = 0; i < facts.length; i++) {
			facts[i] = variables.valueOf(this.paths.get(i));
		}
		return List.of(facts);
	}

	private String reasonFor(CelEvaluationException ex, SubjectVariables variables, long lastExprId,
			EngineLimits limits) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof EvaluationBudget.Exceeded) {
				return cause.getMessage();
			}
			if (cause instanceof CelIterationLimitExceededException || isIterationLimit(cause.getMessage())) {
				return "evaluation exceeded the limit of " + limits.maxComprehensionIterations()
						+ " comprehension iterations";
			}
			if (cause instanceof CelAttributeNotFoundException) {
				Optional<String> missing = missing(variables, lastExprId);
				if (missing.isPresent()) {
					return missing.get();
				}
			}
		}
		return cleanMessage(ex.getMessage());
	}

	private Optional<String> missing(SubjectVariables variables, long lastExprId) {
		// CEL reports no position we could use, but evaluation stopped right after the operand of the
		// selection that failed, and that operand was the last sub-expression the budget saw.
		FactPath failed = this.selectedAfter.get(lastExprId);
		if (failed != null) {
			Optional<String> why = variables.whyMissing(failed);
			if (why.isPresent()) {
				return why;
			}
		}
		for (FactPath path : this.valuePaths) {
			Optional<String> why = variables.whyMissing(path);
			if (why.isPresent()) {
				return why;
			}
		}
		return Optional.empty();
	}

	private static boolean isIterationLimit(String message) {
		// The legacy interpreter reports the iteration limit without an exception type of its own.
		return message != null && message.contains("Iteration budget exceeded");
	}

	private static String cleanMessage(String message) {
		return (message != null) ? CEL_MESSAGE_PREFIX.matcher(message).replaceFirst("") : "evaluation error";
	}

	/** PASS, FAIL or ERROR with its reason. */
	record Verdict(Outcome outcome, String reason) {

		static final Verdict PASSED = new Verdict(Outcome.PASS, null);

		static final Verdict FAILED = new Verdict(Outcome.FAIL, null);

		static Verdict error(String reason) {
			return new Verdict(Outcome.ERROR, reason);
		}

		String describe() {
			return switch (this.outcome) {
				case PASS -> "passes";
				case FAIL -> "fails";
				default -> "errs: " + this.reason;
			};
		}

	}

}
