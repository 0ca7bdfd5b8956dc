package dev.shipshape.portal.scorecards.web;

import dev.shipshape.catalog.CatalogEntryNotFoundException;
import dev.shipshape.catalog.ServiceFacts;
import dev.shipshape.portal.scorecards.ScorecardResults;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ResponseStatusException;

/**
 * A service's scorecard results and facts. The service page loads them with htmx; without it, the
 * same addresses are pages of their own.
 */
@Controller
class ServiceScorecardsPageController {

	private final ScorecardResults results;

	private final ServiceFacts facts;

	ServiceScorecardsPageController(ScorecardResults results, ServiceFacts facts) {
		this.results = results;
		this.facts = facts;
	}

	@GetMapping("/services/{name}/scorecards")
	String scorecards(@PathVariable String name, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		try {
			model.addAttribute("serviceName", name);
			model.addAttribute("scorecards", this.results.forService(name));
			model.addAttribute("facts", this.facts.get(name));
		}
		catch (CatalogEntryNotFoundException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, ex.getMessage());
		}
		return (htmx != null) ? "scorecards/service-results :: results" : "scorecards/service-results";
	}
}
