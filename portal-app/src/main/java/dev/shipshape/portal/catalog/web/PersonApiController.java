package dev.shipshape.portal.catalog.web;

import java.net.URI;

import dev.shipshape.catalog.CatalogEntryNotFoundException;
import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.PersonDetails;
import dev.shipshape.catalog.PersonForm;
import dev.shipshape.catalog.PersonSummary;
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
@RequestMapping("/api/v1/people")
@Tag(name = "People", description = "People of the organisation and the teams they belong to")
class PersonApiController {

	private final CatalogManagement catalog;

	PersonApiController(CatalogManagement catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	PagedResponse<PersonSummary> list(@RequestParam(required = false) String q,
			@PageableDefault(size = 20, sort = "name") Pageable pageable) {
		return PagedResponse.of(this.catalog.findPeople(q, pageable));
	}

	@GetMapping("/{name}")
	PersonDetails get(@PathVariable String name) {
		return this.catalog.findPerson(name).orElseThrow(() -> new CatalogEntryNotFoundException("person", name));
	}

	@PostMapping
	@PreAuthorize("@catalogPermissions.canAdministerCatalog(authentication)")
	ResponseEntity<PersonDetails> create(@Valid @RequestBody PersonForm form) {
		PersonDetails created = this.catalog.createPerson(form);
		return ResponseEntity.created(URI.create("/api/v1/people/" + created.name())).body(created);
	}

	@PutMapping("/{name}")
	@Operation(summary = "Replace a person", description = "Send the version you read; a stale version gets 409")
	@PreAuthorize("@catalogPermissions.canEditPerson(authentication, #name)")
	PersonDetails replace(@PathVariable String name, @Valid @RequestBody PersonForm form) {
		ServiceApiController.requireVersion(form.version());
		return this.catalog.updatePerson(name, form);
	}

	@DeleteMapping("/{name}")
	@PreAuthorize("@catalogPermissions.canAdministerCatalog(authentication)")
	ResponseEntity<Void> delete(@PathVariable String name) {
		this.catalog.deletePerson(name);
		return ResponseEntity.noContent().build();
	}
}
