package dev.shipshape.portal.scorecards;

import java.util.List;

import dev.shipshape.scorecard.Diagnostic;

/** Why a scorecard operation was refused; nothing was written. */
public final class ScorecardProblems {

	private ScorecardProblems() {
	}

	/** No scorecard, or no version, by that key or number. */
	public static class NotFound extends RuntimeException {

		public NotFound(String message) {
			super(message);
		}
	}

	/** The draft does not compile; publishing is refused with the diagnostics. */
	public static class InvalidDraft extends RuntimeException {

		private final List<Diagnostic> diagnostics;

		public InvalidDraft(String key, List<Diagnostic> diagnostics) {
			super("The draft of '" + key + "' has " + diagnostics.size() + " problem(s); fix them before publishing");
			this.diagnostics = List.copyOf(diagnostics);
		}

		public List<Diagnostic> diagnostics() {
			return this.diagnostics;
		}
	}

	/** Publishing or reverting would change nothing. */
	public static class NothingToPublish extends RuntimeException {

		public NothingToPublish(String message) {
			super(message);
		}
	}

	/** Someone saved the draft since the caller read it. */
	public static class StaleDraft extends RuntimeException {

		private final long currentLockVersion;

		public StaleDraft(String key, long currentLockVersion) {
			super("The draft of '" + key + "' was saved by someone else meanwhile (now at lock version "
					+ currentLockVersion + "); reload it and apply your change again");
			this.currentLockVersion = currentLockVersion;
		}

		public long currentLockVersion() {
			return this.currentLockVersion;
		}
	}

	/** A scorecard with that key exists already, or the scorecard is archived. */
	public static class Conflict extends RuntimeException {

		public Conflict(String message) {
			super(message);
		}
	}
}
