package dev.shipshape.portal.catalog.web;

import dev.shipshape.catalog.CatalogManagement;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The people pages: who is who, and which teams they are in. */
@Controller
class PersonPageController {

	private final CatalogManagement catalog;

	PersonPageController(CatalogManagement catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/people")
	String list(@RequestParam(required = false) String q, @PageableDefault(size = 25, sort = "name") Pageable pageable,
			HttpServletRequest request, Model model) {
		model.addAttribute("people", this.catalog.findPeople(q, pageable));
		model.addAttribute("q", q);
		model.addAttribute("pageUrl", ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page"));
		return "people/list";
	}

	@GetMapping("/people/{name}")
	String show(@PathVariable String name, Model model) {
		model.addAttribute("person", this.catalog.findPerson(name)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No person named " + name)));
		return "people/detail";
	}
}
