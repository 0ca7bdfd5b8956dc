package dev.shipshape.portal.audit.web;

import dev.shipshape.portal.audit.AuditLog;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The history of one service, scorecard or exception: a card that their pages load with htmx, or a
 * page of its own without. It reads the trail by name, so the history of a removed service stays.
 */
@Controller
class AuditHistoryController {

	private static final int CARD_EVENTS = 10;

	private static final int PAGE_EVENTS = 200;

	private final AuditLog log;

	AuditHistoryController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/services/{name}/history")
	String service(@PathVariable String name, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		return history("service", name, "services", htmx != null, model);
	}

	@GetMapping("/scorecards/{key}/history")
	String scorecard(@PathVariable String key, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		return history("scorecard", key, "scorecards", htmx != null, model);
	}

	@GetMapping("/exceptions/{id}/history")
	String exception(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		return history("exception", id, "exceptions", htmx != null, model);
	}

	/** {@code path} is where the object's pages live, e.g. {@code services}. */
	private String history(String objectType, String objectId, String path, boolean card, Model model) {
		int limit = card ? CARD_EVENTS : PAGE_EVENTS;
		model.addAttribute("events", this.log.history(objectType, objectId, limit + 1));
		model.addAttribute("limit", limit);
		model.addAttribute("objectType", objectType);
		model.addAttribute("objectId", objectId);
		model.addAttribute("path", path);
		return card ? "audit/history :: card" : "audit/history";
	}
}
