package dev.shipshape.portal.web;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.ServiceQuery;
import dev.shipshape.waivers.WaiverManagement;

import org.springframework.core.env.Environment;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page and the sign-in page. */
@Controller
class HomeController {

	private final CatalogManagement catalog;

	private final Environment environment;

	private final WaiverManagement exceptions;

	HomeController(CatalogManagement catalog, Environment environment, WaiverManagement exceptions) {
		this.catalog = catalog;
		this.environment = environment;
		this.exceptions = exceptions;
	}

	@GetMapping("/")
	String home(Model model) {
		PageRequest one = PageRequest.of(0, 1);
		model.addAttribute("serviceCount", this.catalog.findServices(ServiceQuery.all(), one).getTotalElements());
		model.addAttribute("teamCount", this.catalog.findTeams(null, one).getTotalElements());
		model.addAttribute("attentionCount",
				this.catalog.findServices(ServiceQuery.needingAttention(), one).getTotalElements());
		model.addAttribute("recent", this.catalog
			.findServices(ServiceQuery.all(), PageRequest.of(0, 8, Sort.by(Sort.Direction.DESC, "updatedAt")))
			.getContent());
		model.addAttribute("expiringSoon", this.exceptions.expiringWithin(7, 8));
		return "home";
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("demo", this.environment.getProperty("shipshape.demo.enabled", Boolean.class, false));
		return "login";
	}
}
