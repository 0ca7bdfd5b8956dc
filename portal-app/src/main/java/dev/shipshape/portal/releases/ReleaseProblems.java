package dev.shipshape.portal.releases;

/** Why a release operation was refused; nothing was written. */
public final class ReleaseProblems {

	private ReleaseProblems() {
	}

	/** No such release of that service. */
	public static class NotFound extends RuntimeException {

		public NotFound(String service, String version) {
			super("Service '" + service + "' has no release '" + version + "'");
		}
	}

	/** The version exists with other data: a pipeline would silently change history. */
	public static class Conflict extends RuntimeException {

		public Conflict(String message) {
			super(message);
		}
	}
}
