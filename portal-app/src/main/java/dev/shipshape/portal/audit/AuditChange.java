package dev.shipshape.portal.audit;

/**
 * One change for the audit trail: what was done ({@code action}, e.g. {@code service.updated}) to
 * which object, the object before and after (any value that serializes to JSON; {@code null} when it
 * did not exist or is gone), and a sentence that says it.
 */
public record AuditChange(String action, String objectType, String objectId, Object before, Object after,
		String summary) {
}
