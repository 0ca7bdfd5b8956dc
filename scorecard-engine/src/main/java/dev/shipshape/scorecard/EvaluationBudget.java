package dev.shipshape.scorecard;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationListener;

/**
 * Stops one evaluation of one rule when it has evaluated too many sub-expressions or used too much
 * time. CEL calls the listener after each sub-expression; throwing from it aborts the evaluation.
 *
 * <p>Time is the evaluating thread's CPU time, so that a busy machine or a garbage collection
 * pause does not fail a rule. Reading it costs a system call, so the cheap wall clock is read first
 * and the CPU clock only once the wall clock says the limit may be reached.
 */
final class EvaluationBudget implements CelEvaluationListener {

	private static final int CLOCK_EVERY_STEPS = 8;

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

	private final int maxSteps;

	private final long maxNanos;

	private final long startedAt;

	private long cpuStartedAt = -1;

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
		if (this.steps % CLOCK_EVERY_STEPS == 0) {
			checkTime();
		}
	}

	private void checkTime() {
		if (CPU_TIME && this.cpuStartedAt < 0) {
			// Most rules finish before their first check and never pay for the CPU clock; the few
			// steps before this one are not counted.
			this.cpuStartedAt = THREADS.getCurrentThreadCpuTime();
			return;
		}
		boolean wallExceeded = System.nanoTime() - this.startedAt > this.maxNanos;
		if (wallExceeded && (!CPU_TIME || THREADS.getCurrentThreadCpuTime() - this.cpuStartedAt > this.maxNanos)) {
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
