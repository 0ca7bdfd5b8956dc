package dev.shipshape.portal.audit;

import dev.shipshape.waivers.ExceptionEvents.ExceptionChanged;
import dev.shipshape.waivers.ExceptionView;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records what is done to exceptions, inside the transaction that does it. */
@Component
class ExceptionAudit {

	private final AuditTrail trail;

	ExceptionAudit(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void on(ExceptionChanged changed) {
		ExceptionView exception = changed.after();
		this.trail.record(new AuditChange("exception." + changed.action(), "exception", exception.id(), changed.before(),
				exception, summary(changed.action(), exception)));
	}

	private static String summary(String action, ExceptionView exception) {
		String id = exception.id();
		return switch (action) {
			case "requested" -> "Requested " + id + ((exception.extendsId() != null) ? ", extending " + exception.extendsId() : "")
					+ ": " + waiver(exception) + " until " + exception.expiresAt();
			case "granted" -> "Granted " + id + ": " + waiver(exception) + " until " + exception.expiresAt();
			case "approved" -> "Approved " + id + " until " + exception.expiresAt();
			case "rejected" -> "Rejected " + id + ": " + exception.decisionComment();
			case "revoked" -> "Revoked " + id + ": " + exception.revokeReason();
			case "expired" -> id + " reached its expiry " + exception.expiresAt();
			default -> action + " " + id;
		};
	}

	private static String waiver(ExceptionView exception) {
		return "rule " + exception.scorecard() + "/" + exception.rule() + " of " + exception.service()
				+ ((exception.release() != null) ? " release " + exception.release() : "");
	}
}
