package dev.shipshape.portal.scorecards.web;

import java.util.List;
import java.util.Map;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.portal.scorecards.ScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardManagement;
import dev.shipshape.portal.scorecards.ScorecardProblems;
import dev.shipshape.portal.scorecards.ScorecardViews.DraftView;
import dev.shipshape.portal.scorecards.ScorecardViews.ScorecardDetails;
import dev.shipshape.portal.scorecards.web.DraftPageForm.RuleRow;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The web editor of a scorecard's draft. Saving keeps whatever the engine thinks of the rules and
 * shows its diagnostics next to the rules; adding and removing rows works with htmx and without.
 */
@Controller
@PreAuthorize("@scorecardPermissions.canEdit(authentication, #key)")
class DraftPageController {

	private final ScorecardManagement scorecards;

	private final CatalogManagement catalog;

	private final Validator validator;

	DraftPageController(ScorecardManagement scorecards, CatalogManagement catalog, Validator validator) {
		this.scorecards = scorecards;
		this.catalog = catalog;
		this.validator = validator;
	}

	@GetMapping("/scorecards/{key}/draft")
	String edit(@PathVariable String key, Model model, RedirectAttributes redirect) {
		ScorecardDetails scorecard = ScorecardPages.find(this.scorecards, key);
		if (scorecard.archived()) {
			redirect.addFlashAttribute("flashError", "Scorecard " + key + " is archived; its draft cannot change.");
			return "redirect:/scorecards/" + key;
		}
		DraftView draft = scorecard.draft();
		DraftPageForm form = DraftPageForm.of(draft);
		return editor(scorecard, form, Map.of(), DraftDiagnostics.of(draft.diagnostics(), form), model);
	}

	/**
	 * Saves the draft, or, for the buttons that add or remove a row when the browser runs no script,
	 * shows the form again with that row added or removed and nothing saved.
	 */
	@PostMapping("/scorecards/{key}/draft")
	String save(@PathVariable String key, @ModelAttribute("form") DraftPageForm form, BindingResult binding,
			@RequestParam(required = false) String addRule, @RequestParam(required = false) Integer removeRule,
			@RequestParam(required = false) String addLevel, @RequestParam(required = false) Integer removeLevel,
			@RequestParam(required = false) Long overwrite, Authentication authentication, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ScorecardDetails scorecard = ScorecardPages.find(this.scorecards, key);
		DraftPageForm changed = rowsChanged(form, addRule, removeRule, addLevel, removeLevel);
		if (changed != null) {
			model.addAttribute("unsaved", true);
			return editor(scorecard, changed, Map.of(), DraftDiagnostics.NONE, model);
		}
		ScorecardForm content = form.toScorecardForm(overwrite);
		Map<String, String> errors = FieldMessages.of(binding, this.validator.validate(content));
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return editor(scorecard, form, errors, DraftDiagnostics.NONE, model);
		}
		try {
			DraftView saved = this.scorecards.saveDraft(key, content, authentication.getName());
			redirect.addFlashAttribute("flash", saved.valid() ? "Draft saved." : "Draft saved with "
					+ saved.diagnostics().size() + " problem(s) to fix before it can be published.");
			return "redirect:/scorecards/" + key + "/draft";
		}
		catch (ScorecardProblems.StaleDraft ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("stale", ex);
			return editor(scorecard, form, Map.of(), DraftDiagnostics.NONE, model);
		}
		catch (ScorecardProblems.Conflict ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
			return "redirect:/scorecards/" + key;
		}
	}

	private static DraftPageForm rowsChanged(DraftPageForm form, String addRule, Integer removeRule, String addLevel,
			Integer removeLevel) {
		if (addRule != null) {
			return form.withRule();
		}
		if (removeRule != null) {
			return form.withoutRule(removeRule);
		}
		if (addLevel != null) {
			return form.withLevel();
		}
		if (removeLevel != null) {
			return form.withoutLevel(removeLevel);
		}
		return null;
	}

	/**
	 * A new, empty rule row for htmx to append, numbered {@code nextRuleIndex}, and the next number
	 * swapped in out of band. The levels the page shows at that moment are the choices.
	 */
	@GetMapping("/scorecards/{key}/draft/rules/new")
	String newRule(@PathVariable String key, @RequestParam int nextRuleIndex,
			@ModelAttribute("form") DraftPageForm levels, Model model) {
		ScorecardPages.find(this.scorecards, key);
		RuleRow rule = RuleRow.empty(levels.levelKeys().isEmpty() ? null : levels.levelKeys().get(0));
		model.addAttribute("form", levels);
		model.addAttribute("rule", rule);
		model.addAttribute("index", nextRuleIndex);
		model.addAttribute("nextRuleIndex", nextRuleIndex + 1);
		model.addAttribute("errors", Map.of());
		model.addAttribute("diagnostics", DraftDiagnostics.NONE);
		return "scorecards/draft :: new-rule";
	}

	private String editor(ScorecardDetails scorecard, DraftPageForm form, Map<String, String> errors,
			DraftDiagnostics diagnostics, Model model) {
		model.addAttribute("scorecard", scorecard);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("diagnostics", diagnostics);
		model.addAttribute("nextRuleIndex", form.rules().size());
		model.addAttribute("teamNames", teamNames());
		return "scorecards/draft";
	}

	private List<String> teamNames() {
		return this.catalog.teamNames(500);
	}

}
