package dev.shipshape.portal.tokens.web;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;

import dev.shipshape.portal.security.AccountSummary;
import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Service accounts for automation: administrators create them, then tokens for them. */
@RestController
@RequestMapping("/api/v1/service-accounts")
@PreAuthorize("@tokenPermissions.canManageServiceAccounts(authentication)")
class ServiceAccountApiController {

	private final UserAccounts accounts;

	ServiceAccountApiController(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	List<AccountSummary> list() {
		return this.accounts.serviceAccounts();
	}

	@PostMapping
	ResponseEntity<AccountSummary> create(@Valid @RequestBody ServiceAccountRequest request) {
		AccountSummary created = this.accounts.createServiceAccount(request.name(),
				(request.displayName() != null) ? request.displayName() : request.name(), roles(request.roles()));
		return ResponseEntity.created(URI.create("/api/v1/service-accounts/" + created.username())).body(created);
	}

	private static EnumSet<Role> roles(List<Role> roles) {
		return (roles == null || roles.isEmpty()) ? EnumSet.of(Role.VIEWER) : EnumSet.copyOf(roles);
	}
}
