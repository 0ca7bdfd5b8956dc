package dev.shipshape.portal.scorecards.web;

import java.time.Clock;
import java.util.List;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.portal.scorecards.EvaluationRuns;
import dev.shipshape.portal.scorecards.NewScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardManagement;
import dev.shipshape.portal.scorecards.ScorecardPermissions;
import dev.shipshape.portal.scorecards.ScorecardProblems;
import dev.shipshape.portal.scorecards.ScorecardViews.ScorecardDetails;
import dev.shipshape.portal.scorecards.ScorecardViews.VersionSummary;
import dev.shipshape.portal.scorecards.ScorecardViews.VersionView;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.http.HttpStatus;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Reading scorecards: the list, a scorecard with its history, one version, a diff; and creating one. */
@Controller
class ScorecardPageController {

	private final ScorecardManagement scorecards;

	private final ScorecardPermissions permissions;

	private final EvaluationRuns runs;

	private final CatalogManagement catalog;

	private final Validator validator;

	private final Clock clock;

	ScorecardPageController(ScorecardManagement scorecards, ScorecardPermissions permissions, EvaluationRuns runs,
			CatalogManagement catalog, Validator validator, Clock clock) {
		this.scorecards = scorecards;
		this.permissions = permissions;
		this.runs = runs;
		this.catalog = catalog;
		this.validator = validator;
		this.clock = clock;
	}

	@GetMapping("/scorecards")
	String list(@RequestParam(defaultValue = "false") boolean archived, Authentication authentication, Model model) {
		model.addAttribute("scorecards", this.scorecards.list(archived));
		model.addAttribute("archived", archived);
		model.addAttribute("canCreate", !this.permissions.teamsForNewScorecards(authentication).isEmpty());
		return "scorecards/list";
	}

	@GetMapping("/scorecards/new")
	String newScorecard(Authentication authentication, Model model) {
		List<String> teams = this.permissions.teamsForNewScorecards(authentication);
		return form(NewScorecardPageForm.empty((teams.size() == 1) ? teams.get(0) : null), teams, model);
	}

	@PostMapping("/scorecards")
	String create(@ModelAttribute("form") NewScorecardPageForm form, BindingResult binding,
			Authentication authentication, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		List<String> teams = this.permissions.teamsForNewScorecards(authentication);
		NewScorecardForm scorecard = form.toNewScorecardForm();
		for (ConstraintViolation<NewScorecardForm> violation : this.validator.validate(scorecard)) {
			reject(binding, violation.getPropertyPath().toString(), violation.getMessage());
		}
		if (!binding.hasFieldErrors("ownerTeam")) {
			checkOwner(scorecard.ownerTeam(), authentication, binding, response);
		}
		if (binding.hasErrors()) {
			return form(form, teams, model);
		}
		try {
			ScorecardDetails created = this.scorecards.create(scorecard, authentication.getName());
			redirect.addFlashAttribute("flash", "Scorecard " + created.name()
					+ " created. Write its rules, preview their effect and publish the first version.");
			return "redirect:/scorecards/" + created.key() + "/draft";
		}
		catch (ScorecardProblems.Conflict ex) {
			binding.rejectValue("key", "taken", ex.getMessage());
			return form(form, teams, model);
		}
	}

	/** A team the user may not create scorecards for is refused with 403, as the API refuses it. */
	private void checkOwner(String ownerTeam, Authentication authentication, BindingResult binding,
			HttpServletResponse response) {
		if (ownerTeam != null && this.catalog.findTeam(ownerTeam).isEmpty()) {
			binding.rejectValue("ownerTeam", "unknown", "No team named " + ownerTeam + " exists");
		}
		else if (!this.permissions.canCreate(authentication, ownerTeam)) {
			binding.rejectValue("ownerTeam", "forbidden", "You can create scorecards only for a team you belong to");
			response.setStatus(HttpStatus.FORBIDDEN.value());
		}
	}

	private static void reject(BindingResult binding, String field, String message) {
		if (binding.getFieldType(field) != null) {
			binding.rejectValue(field, "invalid", message);
		}
		else {
			binding.reject("invalid", message);
		}
	}

	private String form(NewScorecardPageForm form, List<String> teams, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("teamNames", teams);
		return "scorecards/new";
	}

	@GetMapping("/scorecards/{key}")
	String show(@PathVariable String key, Authentication authentication, Model model) {
		ScorecardDetails scorecard = ScorecardPages.find(this.scorecards, key);
		model.addAttribute("scorecard", scorecard);
		model.addAttribute("versions", this.scorecards.versions(key));
		model.addAttribute("canEdit", !scorecard.archived() && this.permissions.canEdit(authentication, key));
		model.addAttribute("now", this.clock.instant());
		return evaluation(key, model, "scorecards/detail");
	}

	/** The progress of the newest re-evaluation; htmx polls it until the run has finished. */
	@GetMapping("/scorecards/{key}/evaluation")
	String evaluation(@PathVariable String key, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		if (htmx == null) {
			return "redirect:/scorecards/" + key;
		}
		return evaluation(key, model, "scorecards/detail :: evaluation");
	}

	private String evaluation(String key, Model model, String view) {
		model.addAttribute("key", key);
		model.addAttribute("run", this.scorecards.scorecardId(key).flatMap(this.runs::latest).orElse(null));
		return view;
	}

	@GetMapping("/scorecards/{key}/versions/{number}")
	String version(@PathVariable String key, @PathVariable int number, Authentication authentication, Model model) {
		ScorecardDetails scorecard = ScorecardPages.find(this.scorecards, key);
		VersionView version = this.scorecards.version(key, number);
		model.addAttribute("scorecard", scorecard);
		model.addAttribute("version", version);
		model.addAttribute("now", this.clock.instant());
		boolean newest = Integer.valueOf(number).equals(scorecard.latestVersion());
		model.addAttribute("newest", newest);
		model.addAttribute("canRevert", !newest && !scorecard.archived() && this.permissions.canEdit(authentication, key));
		if (!newest) {
			model.addAttribute("diff", this.scorecards.diff(key, scorecard.latestVersion(), number));
		}
		return "scorecards/version";
	}

	/** The difference between two versions, or between a version (the newest by default) and the draft. */
	@GetMapping("/scorecards/{key}/diff")
	String diff(@PathVariable String key, @RequestParam(required = false) Integer from,
			@RequestParam(required = false) Integer to, Model model) {
		ScorecardDetails scorecard = ScorecardPages.find(this.scorecards, key);
		List<VersionSummary> versions = this.scorecards.versions(key);
		model.addAttribute("scorecard", scorecard);
		model.addAttribute("versions", versions);
		Integer start = (from != null) ? from : scorecard.latestVersion();
		model.addAttribute("from", start);
		model.addAttribute("to", to);
		if (start != null) {
			model.addAttribute("diff", this.scorecards.diff(key, start, to));
		}
		return "scorecards/diff";
	}

}
