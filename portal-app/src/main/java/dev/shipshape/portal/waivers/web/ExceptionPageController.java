package dev.shipshape.portal.waivers.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.portal.waivers.WaiverPermissions;
import dev.shipshape.portal.web.InvalidRequestException;
import dev.shipshape.waivers.ExceptionProblems;
import dev.shipshape.waivers.ExceptionStatus;
import dev.shipshape.waivers.ExceptionView;
import dev.shipshape.waivers.WaiverManagement;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The exception pages: the public list, the request form (pre-filled from a failing rule), an
 * exception with its history and the SRE's decision forms, and the SRE queue. Every action is a
 * plain form post answered with a redirect.
 */
@Controller
class ExceptionPageController {

	/** How the messages after a request or an approval write the end of the exception. */
	private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final WaiverManagement exceptions;

	private final WaiverPermissions permissions;

	private final ExceptionFilters filters;

	private final CatalogManagement catalog;

	ExceptionPageController(WaiverManagement exceptions, WaiverPermissions permissions, ExceptionFilters filters,
			CatalogManagement catalog) {
		this.exceptions = exceptions;
		this.permissions = permissions;
		this.filters = filters;
		this.catalog = catalog;
	}

	@GetMapping("/exceptions")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String team,
			@RequestParam(required = false) String service, @RequestParam(required = false) String scorecard,
			@RequestParam(required = false) Integer expiringWithinDays, @PageableDefault(size = 25) Pageable pageable,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request, Model model) {
		ListFilter filter = new ListFilter(status, team, service, scorecard, expiringWithinDays);
		try {
			model.addAttribute("exceptions", this.exceptions.find(
					this.filters.query(status, team, service, scorecard, (expiringWithinDays != null)
							? Math.max(0, Math.min(expiringWithinDays, 366)) : null),
					this.filters.unsorted(pageable)));
		}
		catch (InvalidRequestException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		model.addAttribute("filter", filter);
		model.addAttribute("pageUrl", ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page"));
		if (htmx != null) {
			return "exceptions/list :: results";
		}
		model.addAttribute("statuses", ExceptionStatus.values());
		model.addAttribute("teamNames", this.catalog.teamNames(500));
		return "exceptions/list";
	}

	@GetMapping("/exceptions/new")
	@PreAuthorize("@waiverPermissions.canRequest(authentication)")
	String newRequest(@RequestParam(required = false) String service, @RequestParam(required = false) String scorecard,
			@RequestParam(required = false) String rule, @RequestParam(required = false) String release, Model model) {
		return form(ExceptionPageForm.of(service, scorecard, rule, release, defaultDays()), null, model);
	}

	@PostMapping("/exceptions")
	@PreAuthorize("@waiverPermissions.canRequest(authentication, #form.grant())")
	String request(@ModelAttribute("form") ExceptionPageForm form, BindingResult binding, Authentication authentication,
			Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(form, null, model);
		}
		try {
			ExceptionView created = form.grantsNow()
					? this.exceptions.grant(form.target(), form.terms(), authentication.getName())
					: this.exceptions.request(form.target(), form.terms(), authentication.getName());
			redirect.addFlashAttribute("flash", created.id() + (form.grantsNow() ? " granted: it applies until "
					: " requested: it applies once an SRE approves it, until ") + UNTIL.format(created.expiresAt()) + ".");
			return "redirect:/exceptions/" + created.id();
		}
		catch (ExceptionProblems.Invalid | ExceptionProblems.AlreadyCovered ex) {
			PageErrors.reject(ex, binding, model);
			return form(form, null, model);
		}
	}

	@GetMapping("/exceptions/{id}")
	String show(@PathVariable String id, Authentication authentication, Model model) {
		ExceptionView exception = find(id);
		model.addAttribute("exception", exception);
		model.addAttribute("history", this.exceptions.history(id));
		model.addAttribute("extensions", this.exceptions.extensionsOf(id));
		model.addAttribute("notifications", this.exceptions.notifications(id));
		model.addAttribute("canApprove", this.permissions.canApprove(authentication, exception));
		model.addAttribute("canDecide", this.permissions.canDecide(authentication));
		model.addAttribute("canRequest", this.permissions.canRequest(authentication));
		return "exceptions/detail";
	}

	@PostMapping("/exceptions/{id}/approve")
	@PreAuthorize("@waiverPermissions.canDecide(authentication)")
	String approve(@PathVariable String id, @ModelAttribute DecisionForm decision, Authentication authentication,
			RedirectAttributes redirect) {
		return decide(id, redirect, () -> {
			ExceptionView approved = this.exceptions.approve(id, decision.approval(), authentication.getName());
			return approved.id() + " approved: it applies until " + UNTIL.format(approved.expiresAt()) + ".";
		});
	}

	@PostMapping("/exceptions/{id}/reject")
	@PreAuthorize("@waiverPermissions.canDecide(authentication)")
	String reject(@PathVariable String id, @ModelAttribute DecisionForm decision, Authentication authentication,
			RedirectAttributes redirect) {
		return decide(id, redirect, () -> this.exceptions.reject(id, decision.comment(), authentication.getName()).id()
				+ " rejected.");
	}

	@PostMapping("/exceptions/{id}/revoke")
	@PreAuthorize("@waiverPermissions.canDecide(authentication)")
	String revoke(@PathVariable String id, @ModelAttribute DecisionForm decision, Authentication authentication,
			RedirectAttributes redirect) {
		return decide(id, redirect, () -> this.exceptions.revoke(id, decision.comment(), authentication.getName()).id()
				+ " revoked: it no longer applies.");
	}

	@GetMapping("/exceptions/{id}/extend")
	@PreAuthorize("@waiverPermissions.canRequest(authentication)")
	String extension(@PathVariable String id, Model model) {
		ExceptionView extended = find(id);
		return form(ExceptionPageForm.extending(extended, defaultDays()), extended, model);
	}

	@PostMapping("/exceptions/{id}/extend")
	@PreAuthorize("@waiverPermissions.canRequest(authentication)")
	String extend(@PathVariable String id, @ModelAttribute("form") ExceptionPageForm form, BindingResult binding,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		ExceptionView extended = find(id);
		if (binding.hasErrors()) {
			return form(form, extended, model);
		}
		try {
			ExceptionView extension = this.exceptions.extend(id, form.terms(), authentication.getName());
			redirect.addFlashAttribute("flash", extension.id() + " requested to extend " + id + ".");
			return "redirect:/exceptions/" + extension.id();
		}
		catch (ExceptionProblems.Invalid | ExceptionProblems.AlreadyCovered ex) {
			PageErrors.reject(ex, binding, model);
			return form(form, extended, model);
		}
		catch (ExceptionProblems.StateConflict ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			return "redirect:/exceptions/" + id;
		}
	}

	@GetMapping("/exceptions/queue")
	@PreAuthorize("@waiverPermissions.canDecide(authentication)")
	String queue(@PageableDefault(size = 50) Pageable pageable, Authentication authentication,
			HttpServletRequest request, Model model) {
		var pending = this.exceptions.pending(pageable);
		model.addAttribute("pending", pending);
		model.addAttribute("approvable", pending.getContent()
			.stream()
			.filter((exception) -> this.permissions.canApprove(authentication, exception))
			.map(ExceptionView::id)
			.toList());
		model.addAttribute("failing", this.exceptions.failingNotifications(20));
		model.addAttribute("expiring", this.exceptions.expiringWithin(7, 20));
		model.addAttribute("pageUrl", ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page"));
		return "exceptions/queue";
	}

	private String decide(String id, RedirectAttributes redirect, Decision decision) {
		try {
			redirect.addFlashAttribute("flash", decision.take());
		}
		catch (ExceptionProblems.Invalid | ExceptionProblems.StateConflict | ExceptionProblems.SelfApproval ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		catch (ExceptionProblems.NotFound ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, ex.getMessage());
		}
		return "redirect:/exceptions/" + id;
	}

	/** Shows the form; a posted one stays in the model as bound, with its errors. */
	private String form(ExceptionPageForm form, ExceptionView extended, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", form);
		}
		model.addAttribute("extended", extended);
		model.addAttribute("maxDays", maxDays());
		return "exceptions/form";
	}

	private ExceptionView find(String id) {
		try {
			return this.exceptions.get(id);
		}
		catch (ExceptionProblems.NotFound ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, ex.getMessage());
		}
	}

	private int defaultDays() {
		return (int) Math.max(1, Math.min(this.exceptions.settings().defaultDuration().toDays(), maxDays()));
	}

	private int maxDays() {
		return (int) Math.max(1, this.exceptions.settings().maxDuration().toDays());
	}

	@FunctionalInterface
	private interface Decision {

		String take();

	}

	/** The list's filters as the form shows them. */
	record ListFilter(String status, String team, String service, String scorecard, Integer expiringWithinDays) {
	}
}
