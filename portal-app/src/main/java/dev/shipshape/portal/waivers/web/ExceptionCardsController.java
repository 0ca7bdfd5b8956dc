package dev.shipshape.portal.waivers.web;

import java.util.List;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.ServiceSummary;
import dev.shipshape.catalog.TeamDetails;
import dev.shipshape.waivers.WaiverManagement;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The exceptions in force on a service or a team's services, as a card that the service and team
 * pages load with htmx. Without htmx, the same addresses lead to the filtered exceptions list.
 */
@Controller
class ExceptionCardsController {

	private final WaiverManagement exceptions;

	private final CatalogManagement catalog;

	ExceptionCardsController(WaiverManagement exceptions, CatalogManagement catalog) {
		this.exceptions = exceptions;
		this.catalog = catalog;
	}

	@GetMapping("/services/{name}/exceptions")
	String ofService(@PathVariable String name, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		String service = this.catalog.findService(name)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No service named " + name))
			.name();
		if (htmx == null) {
			return "redirect:" + listUrl("service", service);
		}
		model.addAttribute("inForce", this.exceptions.inForce(List.of(service)));
		model.addAttribute("listUrl", listUrl("service", service));
		model.addAttribute("requestUrl", "/exceptions/new?service=" + service);
		model.addAttribute("showService", false);
		return "exceptions/cards :: in-force";
	}

	@GetMapping("/teams/{name}/exceptions")
	String ofTeam(@PathVariable String name, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		TeamDetails team = this.catalog.findTeam(name)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No team named " + name));
		if (htmx == null) {
			return "redirect:" + listUrl("team", team.name());
		}
		model.addAttribute("inForce", this.exceptions.inForce(team.services().stream().map(ServiceSummary::name).toList()));
		model.addAttribute("listUrl", listUrl("team", team.name()));
		model.addAttribute("requestUrl", null);
		model.addAttribute("showService", true);
		return "exceptions/cards :: in-force";
	}

	private static String listUrl(String filter, String value) {
		return UriComponentsBuilder.fromPath("/exceptions")
			.queryParam("status", "APPROVED")
			.queryParam(filter, value)
			.build()
			.toUriString();
	}
}
