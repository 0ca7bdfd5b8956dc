package dev.shipshape.scorecard;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationListener;

/**
 * Stops one evaluation of one rule when it has evaluated too many sub-expressions or used too much
 * time. CEL calls the listener after each sub-expression; throwing from it aborts the evaluation.
 *
 * <p>Time is first measured on the wall clock, which is cheap to read. A rule past the limit is
 * then given the same amount of CPU time of its thread before it is stopped, so that a busy machine
 * or a garbage collection pause does not fail it, while a runaway rule stops after about twice the
 * limit. The CPU clock costs a system call: rules that finish within the limit never read it.
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
		if (System.nanoTime() - this.startedAt <= this.maxNanos) {
			return;
		}
		if (!CPU_TIME) {
			throw exceeded();
		}
		long cpu = THREADS.getCurrentThreadCpuTime();
		if (this.cpuStartedAt < 0) {
			this.cpuStartedAt = cpu;
		}
		else if (cpu - this.cpuStartedAt > this.maxNanos) {
			throw exceeded();
		}
	}

	private Exceeded exceeded() {
		return new Exceeded("evaluation exceeded the time limit of " + (this.maxNanos / 1_000_000) + " ms");
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
