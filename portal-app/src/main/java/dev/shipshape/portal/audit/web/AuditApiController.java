package dev.shipshape.portal.audit.web;

import dev.shipshape.portal.audit.AuditEvent;
import dev.shipshape.portal.audit.AuditLog;
import dev.shipshape.portal.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The audit trail: every change, refused sign-in and denied request, append-only")
@PreAuthorize("@auditPermissions.canReadTrail(authentication)")
class AuditApiController {

	static final int MAX_PAGE_SIZE = 200;

	private final AuditLog log;

	private final AuditExports exports;

	AuditApiController(AuditLog log, AuditExports exports) {
		this.log = log;
		this.exports = exports;
	}

	@GetMapping
	@Operation(summary = "Events of the audit trail, newest first", description = "Filters: actor, objectType, objectId, "
			+ "action (a trailing * matches a prefix, e.g. exception.*), from and to (a day or an instant), "
			+ "afterId (only events recorded after that one), order=newest|oldest; page, size (at most 200)")
	PagedResponse<AuditEvent> list(AuditFilters filters, @PageableDefault(size = 50) Pageable pageable) {
		return PagedResponse.of(this.log.find(filters.toQuery(), capped(pageable)));
	}

	@GetMapping("/export")
	@Operation(summary = "Export the audit trail as CSV or JSON lines", description = "format=csv|jsonl (default jsonl) "
			+ "and the same filters as the list; every matching event, streamed")
	ResponseEntity<StreamingResponseBody> export(AuditFilters filters, @RequestParam(required = false) String format) {
		return this.exports.export(filters, format);
	}

	static Pageable capped(Pageable pageable) {
		return PageRequest.of(pageable.getPageNumber(), Math.min(Math.max(pageable.getPageSize(), 1), MAX_PAGE_SIZE));
	}
}
