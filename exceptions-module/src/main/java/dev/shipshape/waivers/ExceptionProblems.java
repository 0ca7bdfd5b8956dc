package dev.shipshape.waivers;

import java.time.Instant;
import java.util.List;

/** Why an exception operation was refused. Nothing was written when one of these is thrown. */
public final class ExceptionProblems {

	private ExceptionProblems() {
	}

	/** One thing wrong with the input, named by its field (e.g. {@code reason}, {@code rule}). */
	public record Violation(String field, String message) {
	}

	/** No exception has this id. */
	public static class NotFound extends RuntimeException {

		public NotFound(String id) {
			super("No exception '" + id + "'");
		}
	}

	/** The input breaks a rule: a missing reason, an expiry too far away, a rule that does not exist … */
	public static class Invalid extends RuntimeException {

		private final List<Violation> violations;

		public Invalid(String field, String message) {
			this(List.of(new Violation(field, message)));
		}

		public Invalid(List<Violation> violations) {
			super(String.join("; ", violations.stream().map((v) -> v.field() + ": " + v.message()).toList()));
			this.violations = List.copyOf(violations);
		}

		public List<Violation> violations() {
			return this.violations;
		}
	}

	/** An exception in force or waiting for a decision already covers the same rule, service and release. */
	public static class AlreadyCovered extends RuntimeException {

		private final String existingId;

		private final ExceptionStatus existingStatus;

		public AlreadyCovered(String existingId, ExceptionStatus existingStatus, String message) {
			super(message);
			this.existingId = existingId;
			this.existingStatus = existingStatus;
		}

		public String existingId() {
			return this.existingId;
		}

		public ExceptionStatus existingStatus() {
			return this.existingStatus;
		}
	}

	/**
	 * The exception is not in a state that allows this: decided already, expired, revoked. Says what
	 * happened, and who did it when.
	 */
	public static class StateConflict extends RuntimeException {

		private final String exceptionId;

		private final ExceptionStatus status;

		private final String by;

		private final Instant at;

		public StateConflict(String exceptionId, ExceptionStatus status, String by, Instant at, String message) {
			super(message);
			this.exceptionId = exceptionId;
			this.status = status;
			this.by = by;
			this.at = at;
		}

		public String exceptionId() {
			return this.exceptionId;
		}

		public ExceptionStatus status() {
			return this.status;
		}

		/** Who brought it into its current state, when known. */
		public String by() {
			return this.by;
		}

		public Instant at() {
			return this.at;
		}
	}

	/** A requester deciding their own request, where configuration does not allow it. */
	public static class SelfApproval extends RuntimeException {

		public SelfApproval(String message) {
			super(message);
		}
	}
}
