package dev.shipshape.portal.audit;

import java.time.Instant;

/**
 * Which events to list; every filter may be null. Names and ids match without regard to case;
 * an {@code action} ending in {@code *} matches every action that starts with the rest
 * ({@code exception.*}). {@code from} is inclusive, {@code to} exclusive. {@code afterId} lists only
 * events recorded after that one, for readers that follow the trail.
 */
public record AuditQuery(String actor, String objectType, String objectId, String action, Instant from, Instant to,
		Long afterId, boolean oldestFirst) {

	public static AuditQuery of(String objectType, String objectId) {
		return new AuditQuery(null, objectType, objectId, null, null, null, null, false);
	}
}
