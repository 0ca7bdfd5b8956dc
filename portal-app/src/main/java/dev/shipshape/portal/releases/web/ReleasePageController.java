package dev.shipshape.portal.releases.web;

import dev.shipshape.catalog.CatalogEntryNotFoundException;
import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.portal.releases.ReadinessGate;
import dev.shipshape.portal.releases.ReleaseProblems;
import dev.shipshape.portal.releases.Releases;
import dev.shipshape.portal.releases.Verdict;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The release board for release managers, a service's releases, and the page of one release. */
@Controller
class ReleasePageController {

	private final Releases releases;

	private final ReadinessGate gate;

	private final CatalogManagement catalog;

	ReleasePageController(Releases releases, ReadinessGate gate, CatalogManagement catalog) {
		this.releases = releases;
		this.gate = gate;
		this.catalog = catalog;
	}

	@GetMapping("/releases")
	String board(@RequestParam(required = false) String team, @RequestParam(required = false) String service,
			@RequestParam(required = false) String environment, @RequestParam(required = false) Verdict verdict,
			@PageableDefault(size = 25) Pageable pageable,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request, Model model) {
		model.addAttribute("releases", this.releases.board(team, service, environment, verdict, pageable));
		model.addAttribute("filter", new BoardFilter(team, service, environment, verdict));
		model.addAttribute("pageUrl", ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page"));
		if (htmx != null) {
			return "releases/board :: results";
		}
		model.addAttribute("teamNames", this.catalog.teamNames(500));
		model.addAttribute("verdicts", Verdict.values());
		return "releases/board";
	}

	@GetMapping("/services/{name}/releases")
	String ofService(@PathVariable String name, @PageableDefault(size = 25) Pageable pageable,
			HttpServletRequest request, Model model) {
		try {
			model.addAttribute("releases", this.releases.ofService(name, pageable));
		}
		catch (CatalogEntryNotFoundException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, ex.getMessage());
		}
		model.addAttribute("serviceName", name);
		model.addAttribute("pageUrl", ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page"));
		return "releases/service-releases";
	}

	@GetMapping("/services/{name}/releases/{version}")
	String release(@PathVariable String name, @PathVariable String version, Model model) {
		try {
			model.addAttribute("release", this.releases.find(name, version));
			model.addAttribute("readiness", this.gate.check(name, version));
			model.addAttribute("decisions", this.gate.decisions(name, version));
		}
		catch (CatalogEntryNotFoundException | ReleaseProblems.NotFound ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, ex.getMessage());
		}
		return "releases/release";
	}

	/** The board's filters as the form shows them. */
	record BoardFilter(String team, String service, String environment, Verdict verdict) {
	}
}
