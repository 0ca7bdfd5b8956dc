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
}
