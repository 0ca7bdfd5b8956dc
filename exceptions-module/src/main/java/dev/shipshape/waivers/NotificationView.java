package dev.shipshape.waivers;

import java.time.Instant;

/**
 * A webhook notification and how its delivery went.
 *
 * @param id the event id, sent as {@code X-Shipshape-Event-Id}
 * @param event e.g. {@code exception.approved}
 * @param lastStatus the HTTP status of the last attempt, {@code null} when none answered
 * @param nextAttemptAt when it is tried again, while neither delivered nor given up
 */
public record NotificationView(String id, String exceptionId, String event, Instant createdAt, int attempts,
		Instant lastAttemptAt, Integer lastStatus, String lastError, Instant deliveredAt, Instant gaveUpAt,
		Instant nextAttemptAt) {

	/** {@code delivered}, {@code failed} (given up) or {@code pending} (waiting for its first or next attempt). */
	public String state() {
		if (this.deliveredAt != null) {
			return "delivered";
		}
		return (this.gaveUpAt != null) ? "failed" : "pending";
	}
}
