package dev.shipshape.portal.catalog.web;

import java.util.List;
import java.util.Map;

import dev.shipshape.catalog.CatalogException;
import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.Lifecycles;
import dev.shipshape.catalog.Link;
import dev.shipshape.catalog.ServiceDetails;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.ServiceQuery;
import dev.shipshape.catalog.ServiceSummary;
import dev.shipshape.portal.security.CatalogPermissions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** The service pages: list and search, the service itself, and its create/edit form. */
@Controller
class ServicePageController {

	private final CatalogManagement catalog;

	private final CatalogPermissions permissions;

	private final FormErrors formErrors;

	ServicePageController(CatalogManagement catalog, CatalogPermissions permissions, FormErrors formErrors) {
		this.catalog = catalog;
		this.permissions = permissions;
		this.formErrors = formErrors;
	}

	@GetMapping("/services")
	String list(@RequestParam(required = false) String owner, @RequestParam(required = false) Integer tier,
			@RequestParam(required = false) String lifecycle, @RequestParam(required = false) String tag,
			@RequestParam(required = false) String q, @PageableDefault(size = 25, sort = "name") Pageable pageable,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request, Model model) {
		ServiceQuery query = new ServiceQuery(owner, tier, lifecycle, tag, q, false);
		return listing(query, pageable, htmx != null, request, model, "Services");
	}

	@GetMapping("/services/unowned")
	String needingAttention(@RequestParam(required = false) Integer tier,
			@RequestParam(required = false) String lifecycle, @RequestParam(required = false) String tag,
			@RequestParam(required = false) String q, @PageableDefault(size = 25, sort = "name") Pageable pageable,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request, Model model) {
		ServiceQuery query = new ServiceQuery(null, tier, lifecycle, tag, q, true);
		return listing(query, pageable, htmx != null, request, model, "Services needing attention");
	}

	/** One handler for the whole page and for the htmx request that refreshes only the results. */
	private String listing(ServiceQuery query, Pageable pageable, boolean fragment, HttpServletRequest request,
			Model model, String heading) {
		Page<ServiceSummary> services = this.catalog.findServices(query, pageable);
		UriComponentsBuilder url = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page");
		model.addAttribute("services", services);
		model.addAttribute("query", query);
		model.addAttribute("attention", query.attention());
		model.addAttribute("heading", heading);
		model.addAttribute("pageUrl", url);
		model.addAttribute("sortUrls", Map.of("name", sortUrl(url, "name", pageable), "tier", sortUrl(url, "tier", pageable),
				"lifecycle", sortUrl(url, "lifecycle", pageable)));
		if (fragment) {
			return "services/list :: results";
		}
		model.addAttribute("lifecycles", Lifecycles.STANDARD);
		model.addAttribute("teamNames", teamNames());
		return "services/list";
	}

	private static String sortUrl(UriComponentsBuilder url, String property, Pageable pageable) {
		Sort.Order current = pageable.getSort().getOrderFor(property);
		String direction = (current != null && current.isAscending()) ? "desc" : "asc";
		return url.cloneBuilder().replaceQueryParam("sort", property + "," + direction).build().toUriString();
	}

	@GetMapping("/services/{name}")
	String show(@PathVariable String name, Authentication authentication, Model model) {
		model.addAttribute("service", find(name));
		model.addAttribute("canEdit", this.permissions.canEditService(authentication, name));
		return "services/detail";
	}

	@GetMapping("/services/new")
	String newService(Model model) {
		return form(ServicePageForm.empty(), false, model);
	}

	@PostMapping("/services")
	String create(@ModelAttribute("form") ServicePageForm form, BindingResult binding, Authentication authentication,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		ServiceForm service = form.toServiceForm(List.of());
		if (binding.hasErrors() || !this.formErrors.validate(service, binding, (path) -> form.pageField(path, service))) {
			return form(form, false, model);
		}
		if (!this.permissions.canAssignOwner(authentication, service.owner())) {
			binding.rejectValue("owner", "forbidden", "You can create services only for a team you belong to");
			return refused(form, false, model, response);
		}
		try {
			ServiceDetails created = this.catalog.createService(service);
			redirect.addFlashAttribute("flash", "Service " + created.name() + " created.");
			return "redirect:/services/" + created.name();
		}
		catch (CatalogException ex) {
			this.formErrors.reject(ex, binding, (path) -> form.pageField(path, service));
			return form(form, false, model);
		}
	}

	@GetMapping("/services/{name}/edit")
	@PreAuthorize("@catalogPermissions.canEditService(authentication, #name)")
	String edit(@PathVariable String name, Model model) {
		return form(ServicePageForm.of(find(name)), true, model);
	}

	@PostMapping("/services/{name}")
	@PreAuthorize("@catalogPermissions.canEditService(authentication, #name)")
	String update(@PathVariable String name, @ModelAttribute("form") ServicePageForm form, BindingResult binding,
			Authentication authentication, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		List<Link> currentLinks = find(name).links();
		ServiceForm service = form.toServiceForm(currentLinks);
		if (binding.hasErrors() || !this.formErrors.validate(service, binding, (path) -> form.pageField(path, service))) {
			return form(form, true, model);
		}
		if (!this.permissions.canUpdateService(authentication, name, service.owner())) {
			binding.rejectValue("owner", "forbidden", "You can hand a service only to a team you belong to");
			return refused(form, true, model, response);
		}
		try {
			ServiceDetails updated = this.catalog.updateService(name, service);
			redirect.addFlashAttribute("flash", "Service " + updated.name() + " saved.");
			return "redirect:/services/" + updated.name();
		}
		catch (CatalogException ex) {
			this.formErrors.reject(ex, binding, (path) -> form.pageField(path, service));
			return form(form, true, model);
		}
	}

	@PostMapping("/services/{name}/delete")
	@PreAuthorize("@catalogPermissions.canEditService(authentication, #name)")
	String delete(@PathVariable String name, RedirectAttributes redirect) {
		this.catalog.deleteService(find(name).name());
		redirect.addFlashAttribute("flash", "Service " + name + " removed from the catalog.");
		return "redirect:/services";
	}

	/** The form again with the reason next to the owner, answered 403 as the API would. */
	private String refused(ServicePageForm form, boolean editing, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		return form(form, editing, model);
	}

	private String form(ServicePageForm form, boolean editing, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("editing", editing);
		model.addAttribute("teamNames", teamNames());
		model.addAttribute("lifecycles", Lifecycles.STANDARD);
		return "services/form";
	}

	private List<String> teamNames() {
		return this.catalog.teamNames(500);
	}

	private ServiceDetails find(String name) {
		return this.catalog.findService(name)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No service named " + name));
	}
}
