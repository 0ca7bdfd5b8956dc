package dev.shipshape.waivers;

import java.time.Instant;

/**
 * An approved exception in force at some instant, as evaluations need it.
 *
 * @param serviceKey the service's lower-case name
 * @param releaseVersion the release it is narrowed to, or {@code null} for every release
 */
public record LiveException(String id, String serviceKey, String scorecardKey, String ruleKey, String releaseVersion,
		Instant expiresAt) {
}
