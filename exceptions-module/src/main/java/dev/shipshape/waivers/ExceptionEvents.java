package dev.shipshape.waivers;

/**
 * What the module tells the rest of the portal, published inside the transaction of the change so
 * that listeners can add to it (e.g. mark stored results stale).
 */
public final class ExceptionEvents {

	private ExceptionEvents() {
	}

	/** An exception now applies: approved or granted. */
	public record ExceptionApproved(String id, String service) {
	}

	/** An exception stopped applying before its expiry. */
	public record ExceptionRevoked(String id, String service) {
	}

	/** The expiry watch saw an approved exception reach its expiry (it stopped applying at that instant). */
	public record ExceptionExpired(String id, String service) {
	}

	/**
	 * Something was done to an exception: {@code requested} (an extension too), {@code granted},
	 * {@code approved}, {@code rejected}, {@code revoked}, or {@code expired} when the expiry watch
	 * handled its expiry. Carries the exception before ({@code null} when it is new or unchanged) and
	 * after, for the audit trail.
	 */
	public record ExceptionChanged(String action, ExceptionView before, ExceptionView after) {
	}
}
