package dev.shipshape.scorecard;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits that keep rules safe to let many teams write: what a rule may look like (checked when it
 * is compiled) and what one evaluation may cost (checked while it runs).
 *
 * @param maxExpressionLength longest expression, in code points
 * @param maxNestingDepth deepest expression tree, as CEL's {@code AstDepthLimitValidator} counts it
 * @param maxComprehensionIterations iterations of {@code all}, {@code exists}, {@code map}... in
 *     one evaluation of one rule, nested loops included
 * @param maxRegexProgramSize largest RE2 program a {@code matches} pattern may compile to
 * @param maxEvaluationSteps sub-expressions one evaluation of one rule may evaluate
 * @param maxEvaluationTime time one evaluation of one rule may take: past it on the wall clock, the
 *     rule gets as much CPU time again before it is stopped, so a busy machine does not fail it; a
 *     last resort for costs the other limits do not bound, such as a complex pattern matched
 *     against long strings in a loop
 * @param maxRules most rules in one scorecard
 * @param maxFactDepth deepest nesting of maps and lists in a subject; deeper values are left out
 *     and the rules reading them end in {@link Outcome#ERROR}
 * @param maxFactStringLength longest string in a subject; longer strings are left out and the
 *     rules reading them end in {@link Outcome#ERROR}
 */
public record EngineLimits(int maxExpressionLength, int maxNestingDepth, int maxComprehensionIterations,
		int maxRegexProgramSize, int maxEvaluationSteps, Duration maxEvaluationTime, int maxRules, int maxFactDepth,
		int maxFactStringLength) {

	public EngineLimits {
		positive(maxExpressionLength, "maxExpressionLength");
		positive(maxNestingDepth, "maxNestingDepth");
		positive(maxComprehensionIterations, "maxComprehensionIterations");
		positive(maxRegexProgramSize, "maxRegexProgramSize");
		positive(maxEvaluationSteps, "maxEvaluationSteps");
		Objects.requireNonNull(maxEvaluationTime, "maxEvaluationTime");
		if (maxEvaluationTime.isNegative() || maxEvaluationTime.isZero()) {
			throw new IllegalArgumentException("maxEvaluationTime must be positive");
		}
		positive(maxRules, "maxRules");
		positive(maxFactDepth, "maxFactDepth");
		positive(maxFactStringLength, "maxFactStringLength");
	}

	/**
	 * The defaults: expressions up to 2,000 code points and 32 levels deep, 1,000 comprehension
	 * iterations, regex programs up to 1,000 RE2 instructions, 100,000 evaluation steps and 250 ms
	 * per rule, 500 rules per scorecard, facts nested up to 32 levels and strings up to 100,000
	 * characters.
	 */
	public static EngineLimits defaults() {
		return new EngineLimits(2_000, 32, 1_000, 1_000, 100_000, Duration.ofMillis(250), 500, 32, 100_000);
	}

	/** A copy with another expression length limit. */
	public EngineLimits withMaxExpressionLength(int value) {
		return new EngineLimits(value, maxNestingDepth, maxComprehensionIterations, maxRegexProgramSize,
				maxEvaluationSteps, maxEvaluationTime, maxRules, maxFactDepth, maxFactStringLength);
	}

	/** A copy with another comprehension iteration limit. */
	public EngineLimits withMaxComprehensionIterations(int value) {
		return new EngineLimits(maxExpressionLength, maxNestingDepth, value, maxRegexProgramSize, maxEvaluationSteps,
				maxEvaluationTime, maxRules, maxFactDepth, maxFactStringLength);
	}

	/** A copy with another evaluation step limit. */
	public EngineLimits withMaxEvaluationSteps(int value) {
		return new EngineLimits(maxExpressionLength, maxNestingDepth, maxComprehensionIterations, maxRegexProgramSize,
				value, maxEvaluationTime, maxRules, maxFactDepth, maxFactStringLength);
	}

	/** A copy with another evaluation time limit. */
	public EngineLimits withMaxEvaluationTime(Duration value) {
		return new EngineLimits(maxExpressionLength, maxNestingDepth, maxComprehensionIterations, maxRegexProgramSize,
				maxEvaluationSteps, value, maxRules, maxFactDepth, maxFactStringLength);
	}

	/** A copy with other limits on the subject's facts. */
	public EngineLimits withFactLimits(int depth, int stringLength) {
		return new EngineLimits(maxExpressionLength, maxNestingDepth, maxComprehensionIterations, maxRegexProgramSize,
				maxEvaluationSteps, maxEvaluationTime, maxRules, depth, stringLength);
	}

	private static void positive(int value, String name) {
		if (value <= 0) {
			throw new IllegalArgumentException(name + " must be positive, was " + value);
		}
	}

}
