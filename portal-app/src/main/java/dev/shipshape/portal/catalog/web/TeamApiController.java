package dev.shipshape.portal.catalog.web;

import java.net.URI;

import dev.shipshape.catalog.CatalogEntryNotFoundException;
import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.TeamDetails;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.catalog.TeamSummary;
import dev.shipshape.portal.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams", description = "Teams, their members and the services they own")
class TeamApiController {

	private final CatalogManagement catalog;

	TeamApiController(CatalogManagement catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	PagedResponse<TeamSummary> list(@RequestParam(required = false) String q,
			@PageableDefault(size = 20, sort = "name") Pageable pageable) {
		return PagedResponse.of(this.catalog.findTeams(q, pageable));
	}

	@GetMapping("/{name}")
	TeamDetails get(@PathVariable String name) {
		return this.catalog.findTeam(name).orElseThrow(() -> new CatalogEntryNotFoundException("team", name));
	}

	@PostMapping
	@PreAuthorize("@catalogPermissions.canAdministerCatalog(authentication)")
	ResponseEntity<TeamDetails> create(@Valid @RequestBody TeamForm form) {
		TeamDetails created = this.catalog.createTeam(form);
		return ResponseEntity.created(URI.create("/api/v1/teams/" + created.name())).body(created);
	}

	@PutMapping("/{name}")
	@Operation(summary = "Replace a team", description = "Send the version you read; a stale version gets 409")
	@PreAuthorize("@catalogPermissions.canEditTeam(authentication, #name)")
	TeamDetails replace(@PathVariable String name, @Valid @RequestBody TeamForm form) {
		ServiceApiController.requireVersion(form.version());
		return this.catalog.updateTeam(name, form);
	}

	@DeleteMapping("/{name}")
	@PreAuthorize("@catalogPermissions.canAdministerCatalog(authentication)")
	ResponseEntity<Void> delete(@PathVariable String name) {
		this.catalog.deleteTeam(name);
		return ResponseEntity.noContent().build();
	}
}
