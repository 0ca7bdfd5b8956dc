package dev.shipshape.portal.audit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.shipshape.portal.security.SecurityEvents.AccessDenied;
import dev.shipshape.portal.security.SecurityEvents.AccountChanged;
import dev.shipshape.portal.security.SecurityEvents.SignInRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Records accounts created and their role changes with the change, and refused sign-ins, refused
 * tokens and denied API requests in transactions of their own: those change nothing else.
 */
@Component
class SecurityAudit {

	private static final Logger logger = LoggerFactory.getLogger(SecurityAudit.class);

	private final AuditTrail trail;

	SecurityAudit(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void on(AccountChanged changed) {
		String username = changed.after().username();
		String summary = "created".equals(changed.action())
				? "Created " + changed.after().kind().name().toLowerCase(Locale.ROOT) + " account '" + username
						+ "' with roles " + changed.after().roles()
				: "Roles of '" + username + "' changed from " + changed.before().roles() + " to " + changed.after().roles();
		this.trail.record(new AuditChange("account." + changed.action(), "account", username, changed.before(),
				changed.after(), summary));
	}

	@EventListener
	void on(SignInRefused refused) {
		Map<String, Object> attempt = new LinkedHashMap<>();
		attempt.put("method", refused.method());
		attempt.put("reason", refused.reason());
		if ("TOKEN".equals(refused.method())) {
			String token = (refused.tokenId() != null) ? refused.tokenId().toString() : null;
			refusal(new Actor("anonymous", ActorKind.ANONYMOUS, refused.tokenId()),
					new AuditChange("token.refused", "token", token, null, attempt,
							"Refused a bearer token" + ((token != null) ? " #" + token : "") + ": " + refused.reason()),
					refused.clientAddress());
			return;
		}
		refusal(Actor.ANONYMOUS,
				new AuditChange("sign_in.failed", "account", refused.username(), null, attempt, "Refused a sign-in"
						+ ((refused.username() != null) ? " as '" + refused.username() + "'" : "") + " (" + refused.method()
						+ "): " + refused.reason()),
				refused.clientAddress());
	}

	@EventListener
	void on(AccessDenied denied) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("method", denied.method());
		request.put("path", denied.path());
		refusal(RequestContext.actor(), new AuditChange("access.denied", "request", null, null, request,
				"Denied " + denied.method() + " " + denied.path()), null);
	}

	/** A refusal stands whether or not it can be recorded: the caller is answered 401 or 403 either way. */
	private void refusal(Actor actor, AuditChange change, String clientAddress) {
		try {
			this.trail.recordRefusal(actor, change, clientAddress);
		}
		catch (DataAccessException | TransactionException ex) {
			logger.warn("Could not record in the audit trail: {}", change.summary(), ex);
		}
	}
}
