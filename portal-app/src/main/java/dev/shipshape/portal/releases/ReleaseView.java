package dev.shipshape.portal.releases;

import java.time.Instant;
import java.util.Map;

/** A registered release and its latest known verdict (null before it was first evaluated). */
public record ReleaseView(String service, String version, String commit, String environment,
		Map<String, Object> facts, String createdBy, Instant createdAt, Instant updatedAt, Verdict verdict,
		Instant verdictAt) {
}
