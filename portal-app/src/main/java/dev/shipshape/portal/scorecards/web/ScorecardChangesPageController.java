package dev.shipshape.portal.scorecards.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.shipshape.portal.scorecards.ImpactPreview;
import dev.shipshape.portal.scorecards.ImpactPreview.Impact;
import dev.shipshape.portal.scorecards.ScorecardManagement;
import dev.shipshape.portal.scorecards.ScorecardPermissions;
import dev.shipshape.portal.scorecards.ScorecardProblems;
import dev.shipshape.portal.scorecards.ScorecardViews.ScorecardDetails;
import dev.shipshape.portal.scorecards.ScorecardViews.VersionView;
import dev.shipshape.scorecard.Scorecard;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Changing what is in force: preview the draft's impact, publish it, revert to an earlier version, archive. */
@Controller
class ScorecardChangesPageController {

	/** A preview of a big change lists this many services; the totals count them all. */
	static final int PREVIEW_ROWS = 500;

	private static final int NOTE_LENGTH = 2000;

	private final ScorecardManagement scorecards;

	private final ImpactPreview preview;

	private final ScorecardPermissions permissions;

	ScorecardChangesPageController(ScorecardManagement scorecards, ImpactPreview preview,
			ScorecardPermissions permissions) {
		this.scorecards = scorecards;
		this.preview = preview;
		this.permissions = permissions;
	}

	/** A dry run of the draft against the whole catalog; writes nothing. */
	@GetMapping("/scorecards/{key}/preview")
	String preview(@PathVariable String key, Authentication authentication, Model model) {
		ScorecardDetails scorecard = ScorecardPages.find(this.scorecards, key);
		model.addAttribute("scorecard", scorecard);
		model.addAttribute("canPublish", !scorecard.archived() && this.permissions.canEdit(authentication, key));
		if (!scorecard.draft().changed()) {
			return "scorecards/preview";
		}
		try {
			Impact impact = this.preview.preview(key);
			model.addAttribute("impact", impact);
			Map<String, String> levelNames = levelNames(scorecard);
			model.addAttribute("headline", ImpactSentences.of(impact, levelNames));
			model.addAttribute("levelNames", levelNames);
			model.addAttribute("shown", impact.changes().subList(0, Math.min(PREVIEW_ROWS, impact.changes().size())));
			model.addAttribute("ruleTitles", ruleTitles(scorecard));
		}
		catch (ScorecardProblems.InvalidDraft ex) {
			model.addAttribute("diagnostics", ex.diagnostics());
		}
		return "scorecards/preview";
	}

	@PostMapping("/scorecards/{key}/publish")
	@PreAuthorize("@scorecardPermissions.canEdit(authentication, #key)")
	String publish(@PathVariable String key, @RequestParam(required = false) String note, Authentication authentication,
			RedirectAttributes redirect) {
		if (tooLong(note, redirect)) {
			return "redirect:/scorecards/" + key + "/preview";
		}
		try {
			VersionView published = this.scorecards.publish(key, note, authentication.getName());
			redirect.addFlashAttribute("flash",
					"Version " + published.number() + " published. Every service is being evaluated with it.");
		}
		catch (ScorecardProblems.InvalidDraft ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
			return "redirect:/scorecards/" + key + "/draft";
		}
		catch (ScorecardProblems.NothingToPublish | ScorecardProblems.Conflict ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/scorecards/" + key;
	}

	@PostMapping("/scorecards/{key}/revert")
	@PreAuthorize("@scorecardPermissions.canEdit(authentication, #key)")
	String revert(@PathVariable String key, @RequestParam int to, @RequestParam(required = false) String note,
			Authentication authentication, RedirectAttributes redirect) {
		if (tooLong(note, redirect)) {
			return "redirect:/scorecards/" + key + "/versions/" + to;
		}
		try {
			VersionView reverted = this.scorecards.revert(key, to, note, authentication.getName());
			redirect.addFlashAttribute("flash", "Version " + to + " is back in force as version " + reverted.number()
					+ ". Every service is being evaluated with it.");
		}
		catch (ScorecardProblems.NothingToPublish | ScorecardProblems.Conflict | ScorecardProblems.NotFound ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/scorecards/" + key;
	}

	@PostMapping("/scorecards/{key}/archive")
	@PreAuthorize("@scorecardPermissions.canEdit(authentication, #key)")
	String archive(@PathVariable String key, Authentication authentication, RedirectAttributes redirect) {
		try {
			this.scorecards.archive(key, authentication.getName());
			redirect.addFlashAttribute("flash", "Scorecard " + key + " archived. Its history stays readable.");
		}
		catch (ScorecardProblems.Conflict ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/scorecards/" + key;
	}

	private static boolean tooLong(String note, RedirectAttributes redirect) {
		if (note != null && note.length() > NOTE_LENGTH) {
			redirect.addFlashAttribute("flashError", "The change note is longer than " + NOTE_LENGTH + " characters");
			return true;
		}
		return false;
	}

	/** Names of the levels of the newest version and of the draft; the draft's win. */
	private static Map<String, String> levelNames(ScorecardDetails scorecard) {
		return names(scorecard, (document) -> document.levels().stream().map((level) -> Map.entry(level.key(), level.name())));
	}

	private static Map<String, String> ruleTitles(ScorecardDetails scorecard) {
		return names(scorecard, (document) -> document.rules().stream().map((rule) -> Map.entry(rule.key(), rule.title())));
	}

	private static Map<String, String> names(ScorecardDetails scorecard,
			Function<Scorecard, Stream<Map.Entry<String, String>>> entries) {
		Map<String, String> names = new LinkedHashMap<>();
		documents(scorecard).stream().flatMap(entries).forEach((entry) -> names.put(entry.getKey(), entry.getValue()));
		return names;
	}

	private static List<Scorecard> documents(ScorecardDetails scorecard) {
		return (scorecard.published() != null) ? List.of(scorecard.published(), scorecard.draft().document())
				: List.of(scorecard.draft().document());
	}
}
