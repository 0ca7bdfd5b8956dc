package dev.shipshape.portal.catalog.web;

import dev.shipshape.catalog.CatalogException;
import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.TeamDetails;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.security.CatalogPermissions;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Pageable;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The team pages: list, the team with its members and services, and its form. */
@Controller
class TeamPageController {

	private final CatalogManagement catalog;

	private final CatalogPermissions permissions;

	private final FormErrors formErrors;

	TeamPageController(CatalogManagement catalog, CatalogPermissions permissions, FormErrors formErrors) {
		this.catalog = catalog;
		this.permissions = permissions;
		this.formErrors = formErrors;
	}

	@GetMapping("/teams")
	String list(@RequestParam(required = false) String q, @PageableDefault(size = 25, sort = "name") Pageable pageable,
			HttpServletRequest request, Model model) {
		model.addAttribute("teams", this.catalog.findTeams(q, pageable));
		model.addAttribute("q", q);
		model.addAttribute("pageUrl", ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page"));
		return "teams/list";
	}

	@GetMapping("/teams/{name}")
	String show(@PathVariable String name, Authentication authentication, Model model) {
		model.addAttribute("team", find(name));
		model.addAttribute("canEdit", this.permissions.canEditTeam(authentication, name));
		return "teams/detail";
	}

	@GetMapping("/teams/new")
	@PreAuthorize("@catalogPermissions.canAdministerCatalog(authentication)")
	String newTeam(Model model) {
		return form(TeamPageForm.empty(), false, model);
	}

	@PostMapping("/teams")
	@PreAuthorize("@catalogPermissions.canAdministerCatalog(authentication)")
	String create(@ModelAttribute("form") TeamPageForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		TeamForm team = form.toTeamForm();
		if (binding.hasErrors() || !this.formErrors.validate(team, binding, FormErrors::rootField)) {
			return form(form, false, model);
		}
		try {
			TeamDetails created = this.catalog.createTeam(team);
			redirect.addFlashAttribute("flash", "Team " + created.name() + " created.");
			return "redirect:/teams/" + created.name();
		}
		catch (CatalogException ex) {
			this.formErrors.reject(ex, binding, FormErrors::rootField);
			return form(form, false, model);
		}
	}

	@GetMapping("/teams/{name}/edit")
	@PreAuthorize("@catalogPermissions.canEditTeam(authentication, #name)")
	String edit(@PathVariable String name, Model model) {
		return form(TeamPageForm.of(find(name)), true, model);
	}

	@PostMapping("/teams/{name}")
	@PreAuthorize("@catalogPermissions.canEditTeam(authentication, #name)")
	String update(@PathVariable String name, @ModelAttribute("form") TeamPageForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		TeamForm team = form.toTeamForm();
		if (binding.hasErrors() || !this.formErrors.validate(team, binding, FormErrors::rootField)) {
			return form(form, true, model);
		}
		try {
			TeamDetails updated = this.catalog.updateTeam(name, team);
			redirect.addFlashAttribute("flash", "Team " + updated.name() + " saved.");
			return "redirect:/teams/" + updated.name();
		}
		catch (CatalogException ex) {
			this.formErrors.reject(ex, binding, FormErrors::rootField);
			return form(form, true, model);
		}
	}

	private String form(TeamPageForm form, boolean editing, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("editing", editing);
		return "teams/form";
	}

	private TeamDetails find(String name) {
		return this.catalog.findTeam(name)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No team named " + name));
	}
}
