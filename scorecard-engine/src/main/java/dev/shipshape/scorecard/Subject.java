package dev.shipshape.scorecard;

import java.util.Map;
import java.util.Objects;

/**
 * What a scorecard is evaluated against: a service, optionally one of its releases, and the
 * service's owning team. Values are plain JSON-like Java values ({@code String}, {@code Boolean},
 * any {@code Number}, {@code List}, {@code Map}, {@code null}); the engine converts them for CEL on
 * every evaluation and never modifies them.
 *
 * @param service catalog fields of the service and its {@code facts}
 * @param release the release's fields and {@code facts}, or {@code null} for a service-level
 *     evaluation (rules reading {@code release} are then {@link Outcome#NOT_APPLICABLE})
 * @param owner the owning team, or {@code null} when unowned or unresolved
 */
public record Subject(Map<String, Object> service, Map<String, Object> release, Map<String, Object> owner) {

	public Subject {
		Objects.requireNonNull(service, "service");
	}

	/** A service-level subject without release or owner. */
	public static Subject of(Map<String, Object> service) {
		return new Subject(service, null, null);
	}

	/** A subject for a release of a service, without owner. */
	public static Subject of(Map<String, Object> service, Map<String, Object> release) {
		return new Subject(service, release, null);
	}

}
