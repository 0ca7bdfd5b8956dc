package dev.shipshape.portal.waivers.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.shipshape.waivers.Approval;
import dev.shipshape.waivers.ExceptionTerms;
import dev.shipshape.waivers.ExceptionView;
import dev.shipshape.waivers.HistoryEntry;
import dev.shipshape.waivers.NotificationView;
import dev.shipshape.waivers.WaiverManagement;
import dev.shipshape.portal.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/exceptions")
@Tag(name = "Exceptions", description = "Time-boxed waivers of scorecard rules: request, decide, revoke, extend")
class ExceptionApiController {

	private final WaiverManagement exceptions;

	private final ExceptionFilters filters;

	ExceptionApiController(WaiverManagement exceptions, ExceptionFilters filters) {
		this.exceptions = exceptions;
		this.filters = filters;
	}

	@GetMapping
	@Operation(summary = "Exceptions, newest first", description = "status: REQUESTED, APPROVED (in force), EXPIRED, "
			+ "REJECTED or REVOKED; team: services the team owns; expiringWithinDays: in force and expiring that soon")
	PagedResponse<ExceptionView> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) String team, @RequestParam(required = false) String service,
			@RequestParam(required = false) String scorecard,
			@RequestParam(required = false) @Min(0) @Max(366) Integer expiringWithinDays,
			@PageableDefault(size = 25) Pageable pageable) {
		return PagedResponse.of(this.exceptions
			.find(this.filters.query(status, team, service, scorecard, expiringWithinDays), this.filters.unsorted(pageable)));
	}

	@PostMapping
	@Operation(summary = "Request an exception, or grant one at once (grant: true, SREs only)",
			description = "201 with the exception; 409 when one in force or pending already covers the rule, service "
					+ "and release (the problem names it)")
	@PreAuthorize("@waiverPermissions.canRequest(authentication, #body.grant())")
	ResponseEntity<ExceptionView> create(@Valid @RequestBody ExceptionRequestBody body, Authentication authentication) {
		ExceptionView created = body.grantsNow()
				? this.exceptions.grant(body.target(), body.terms(), authentication.getName())
				: this.exceptions.request(body.target(), body.terms(), authentication.getName());
		return ResponseEntity.created(URI.create("/api/v1/exceptions/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "An exception with its whole history and the requests that extend it")
	ExceptionDetails get(@PathVariable String id) {
		return new ExceptionDetails(this.exceptions.get(id), this.exceptions.history(id),
				this.exceptions.extensionsOf(id).stream().map(ExceptionView::id).toList(),
				this.exceptions.notifications(id));
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "Approve a request (SREs), optionally for a shorter time",
			description = "409 when it was decided already or expired, saying by whom and when; 403 for its requester")
	@PreAuthorize("@waiverPermissions.canDecide(authentication)")
	ExceptionView approve(@PathVariable String id, @Valid @RequestBody(required = false) ApprovalBody body,
			Authentication authentication) {
		ApprovalBody approval = (body != null) ? body : new ApprovalBody(null, null, null);
		return this.exceptions.approve(id, new Approval(approval.duration(), approval.expiresAt(), approval.comment()),
				authentication.getName());
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "Reject a request (SREs), saying why")
	@PreAuthorize("@waiverPermissions.canDecide(authentication)")
	ExceptionView reject(@PathVariable String id, @Valid @RequestBody RejectionBody body, Authentication authentication) {
		return this.exceptions.reject(id, body.comment(), authentication.getName());
	}

	@PostMapping("/{id}/revoke")
	@Operation(summary = "Revoke an exception in force (SREs): it stops applying at once")
	@PreAuthorize("@waiverPermissions.canDecide(authentication)")
	ExceptionView revoke(@PathVariable String id, @Valid @RequestBody RevocationBody body, Authentication authentication) {
		return this.exceptions.revoke(id, body.reason(), authentication.getName());
	}

	@PostMapping("/{id}/extend")
	@Operation(summary = "Ask for more time", description = "A new request for the same rule, service and release, "
			+ "linked to the approved exception it extends")
	@PreAuthorize("@waiverPermissions.canRequest(authentication)")
	ResponseEntity<ExceptionView> extend(@PathVariable String id, @Valid @RequestBody ExtensionBody body,
			Authentication authentication) {
		ExceptionView extension = this.exceptions.extend(id,
				new ExceptionTerms(body.reason(), body.riskAssessment(), body.followUp(), body.duration(), body.expiresAt()),
				authentication.getName());
		return ResponseEntity.created(URI.create("/api/v1/exceptions/" + extension.id())).body(extension);
	}

	/** An exception with what happened to it. */
	record ExceptionDetails(@JsonUnwrapped ExceptionView exception, List<HistoryEntry> history, List<String> extensions,
			List<NotificationView> notifications) {
	}

	/** Shortens the exception when {@code duration} (from now, ISO-8601) or {@code expiresAt} is given. */
	record ApprovalBody(Duration duration, Instant expiresAt, @Size(max = 2000) String comment) {
	}

	record RejectionBody(@NotBlank @Size(max = 2000) String comment) {
	}

	record RevocationBody(@NotBlank @Size(max = 2000) String reason) {
	}

	record ExtensionBody(@NotBlank @Size(max = 4000) String reason, @NotBlank @Size(max = 4000) String riskAssessment,
			@NotBlank @Size(max = 1000) String followUp, Duration duration, Instant expiresAt) {
	}
}
