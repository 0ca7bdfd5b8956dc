package dev.shipshape.scorecard;

import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationListener;

/**
 * Stops one evaluation of one rule when it has evaluated too many sub-expressions or run too long.
 * CEL calls the listener after each sub-expression; throwing from it aborts the evaluation.
 */
final class EvaluationBudget implements CelEvaluationListener {

	// Reading the clock costs more than counting, so look at it every few steps only.
	private static final int CLOCK_EVERY_STEPS = 8;

	private final int maxSteps;

	private final long maxNanos;

	private final long startedAt;

	private int steps;

	private long lastExprId = -1;

	EvaluationBudget(EngineLimits limits) {
		this.maxSteps = limits.maxEvaluationSteps();
		this.maxNanos = limits.maxEvaluationTime().toNanos();
		this.startedAt = System.nanoTime();
	}

	@Override
	public void callback(CelExpr expr, Object evaluatedResult) {
		this.lastExprId = expr.id();
		this.steps++;
		if (this.steps > this.maxSteps) {
			throw new Exceeded("evaluation exceeded the limit of " + this.maxSteps + " steps");
		}
		if (this.steps % CLOCK_EVERY_STEPS == 0 && System.nanoTime() - this.startedAt > this.maxNanos) {
			throw new Exceeded("evaluation exceeded the time limit of " + (this.maxNanos / 1_000_000) + " ms");
		}
	}

	/** The sub-expression evaluated last, or -1; after a failure, the one before the failing one. */
	long lastExprId() {
		return this.lastExprId;
	}

	/** Thrown to abort an evaluation that went over budget. */
	static final class Exceeded extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Exceeded(String message) {
			super(message, null, false, false);
		}

	}

}
