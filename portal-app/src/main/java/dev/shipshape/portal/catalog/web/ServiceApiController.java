package dev.shipshape.portal.catalog.web;

import java.net.URI;
import java.util.List;

import dev.shipshape.catalog.CatalogEntryNotFoundException;
import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.ServiceDetails;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.ServiceQuery;
import dev.shipshape.catalog.ServiceSummary;
import dev.shipshape.portal.security.CatalogPermissions;
import dev.shipshape.portal.web.InvalidRequestException;
import dev.shipshape.portal.web.MergePatches;
import dev.shipshape.portal.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import tools.jackson.databind.JsonNode;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/services")
@Tag(name = "Services", description = "Services of the catalog: owner, tier, lifecycle, links, dependencies")
class ServiceApiController {

	private final CatalogManagement catalog;

	private final MergePatches patches;

	private final CatalogPermissions permissions;

	ServiceApiController(CatalogManagement catalog, MergePatches patches, CatalogPermissions permissions) {
		this.catalog = catalog;
		this.patches = patches;
		this.permissions = permissions;
	}

	@GetMapping
	@Operation(summary = "List services", description = "Filters combine; q matches name, title, description, system and tags")
	PagedResponse<ServiceSummary> list(@RequestParam(required = false) String owner,
			@RequestParam(required = false) Integer tier, @RequestParam(required = false) String lifecycle,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "false") boolean unowned, @PageableDefault(size = 20, sort = "name") Pageable pageable) {
		return PagedResponse.of(this.catalog.findServices(new ServiceQuery(owner, tier, lifecycle, tag, q, unowned), pageable));
	}

	@GetMapping("/{name}")
	ServiceDetails get(@PathVariable String name) {
		return find(name);
	}

	@GetMapping("/{name}/dependents")
	@Operation(summary = "Services that depend on this one")
	List<ServiceSummary> dependents(@PathVariable String name) {
		return this.catalog.findDependents(name);
	}

	@GetMapping("/{name}/dependencies")
	@Operation(summary = "Services this one depends on")
	List<ServiceSummary> dependencies(@PathVariable String name) {
		return find(name).dependsOn();
	}

	@PostMapping
	@PreAuthorize("@catalogPermissions.canAssignOwner(authentication, #form.owner())")
	ResponseEntity<ServiceDetails> create(@Valid @RequestBody ServiceForm form) {
		ServiceDetails created = this.catalog.createService(form);
		return ResponseEntity.created(URI.create("/api/v1/services/" + created.name())).body(created);
	}

	@PutMapping("/{name}")
	@Operation(summary = "Replace a service", description = "Send the version you read; a stale version gets 409")
	@PreAuthorize("@catalogPermissions.canUpdateService(authentication, #name, #form.owner())")
	ServiceDetails replace(@PathVariable String name, @Valid @RequestBody ServiceForm form) {
		requireVersion(form.version());
		return this.catalog.updateService(name, form);
	}

	@PatchMapping(path = "/{name}", consumes = { "application/merge-patch+json", "application/json" })
	@Operation(summary = "Change some fields of a service (JSON merge patch)")
	@PreAuthorize("@catalogPermissions.canEditService(authentication, #name)")
	ServiceDetails patch(@PathVariable String name, @RequestBody JsonNode patch, Authentication authentication) {
		ServiceForm changed = this.patches.apply(ServiceForm.of(find(name)), patch, ServiceForm.class);
		if (!this.permissions.canUpdateService(authentication, name, changed.owner())) {
			throw new AccessDeniedException("Only members of the new owner may receive the service");
		}
		return this.catalog.updateService(name, changed);
	}

	@DeleteMapping("/{name}")
	@PreAuthorize("@catalogPermissions.canEditService(authentication, #name)")
	ResponseEntity<Void> delete(@PathVariable String name) {
		this.catalog.deleteService(name);
		return ResponseEntity.noContent().build();
	}

	private ServiceDetails find(String name) {
		return this.catalog.findService(name).orElseThrow(() -> new CatalogEntryNotFoundException("service", name));
	}

	static void requireVersion(Long version) {
		if (version == null) {
			throw new InvalidRequestException("version",
					"is required: send the version you read, so that nobody's change is overwritten silently");
		}
	}
}
