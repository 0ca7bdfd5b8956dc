package dev.shipshape.portal.audit.web;

import java.util.List;

import dev.shipshape.portal.audit.AuditLog;
import dev.shipshape.portal.web.InvalidRequestException;
import dev.shipshape.portal.web.Problems.FieldError;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The audit page: the whole trail with filters, pages of 50 (the results alone for htmx), and its
 * exports for people signed in with a session, since the API takes no sessions.
 */
@Controller
@PreAuthorize("@auditPermissions.canReadTrail(authentication)")
class AuditPageController {

	/** The kinds of objects the trail records, offered as a filter. */
	static final List<String> OBJECT_TYPES = List.of("service", "team", "person", "import", "scorecard", "release",
			"exception", "token", "account", "request");

	private final AuditLog log;

	private final AuditExports exports;

	AuditPageController(AuditLog log, AuditExports exports) {
		this.log = log;
		this.exports = exports;
	}

	@GetMapping("/audit")
	String list(AuditFilters filters, @PageableDefault(size = 50) Pageable pageable,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request, Model model) {
		model.addAttribute("filters", filters);
		try {
			model.addAttribute("events", this.log.find(filters.toQuery(), AuditApiController.capped(pageable)));
			model.addAttribute("errors", List.of());
		}
		catch (InvalidRequestException ex) {
			model.addAttribute("events", Page.empty(pageable));
			model.addAttribute("errors", ex.errors().stream().map(FieldError::message).toList());
		}
		model.addAttribute("pageUrl", ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page"));
		model.addAttribute("exportUrl", ServletUriComponentsBuilder.fromRequest(request)
			.replacePath("/audit/export")
			.replaceQueryParam("page")
			.replaceQueryParam("size"));
		model.addAttribute("objectTypes", OBJECT_TYPES);
		return (htmx != null) ? "audit/list :: results" : "audit/list";
	}

	@GetMapping("/audit/export")
	ResponseEntity<StreamingResponseBody> export(AuditFilters filters, @RequestParam(required = false) String format) {
		try {
			return this.exports.export(filters, format);
		}
		catch (InvalidRequestException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
	}
}
