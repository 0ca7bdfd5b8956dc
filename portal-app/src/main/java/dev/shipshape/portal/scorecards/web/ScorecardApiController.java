package dev.shipshape.portal.scorecards.web;

import java.net.URI;
import java.util.List;

import dev.shipshape.portal.scorecards.EvaluationRuns;
import dev.shipshape.portal.scorecards.EvaluationRuns.RunView;
import dev.shipshape.portal.scorecards.ImpactPreview;
import dev.shipshape.portal.scorecards.ImpactPreview.Impact;
import dev.shipshape.portal.scorecards.NewScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardDiff;
import dev.shipshape.portal.scorecards.ScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardManagement;
import dev.shipshape.portal.scorecards.ScorecardProblems;
import dev.shipshape.portal.scorecards.ScorecardViews.DraftView;
import dev.shipshape.portal.scorecards.ScorecardViews.ScorecardDetails;
import dev.shipshape.portal.scorecards.ScorecardViews.ScorecardSummary;
import dev.shipshape.portal.scorecards.ScorecardViews.VersionSummary;
import dev.shipshape.portal.scorecards.ScorecardViews.VersionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/scorecards")
@Tag(name = "Scorecards", description = "Scorecards as versioned documents: draft, preview, publish, history, diff, revert")
class ScorecardApiController {

	private final ScorecardManagement scorecards;

	private final ImpactPreview preview;

	private final EvaluationRuns runs;

	ScorecardApiController(ScorecardManagement scorecards, ImpactPreview preview, EvaluationRuns runs) {
		this.scorecards = scorecards;
		this.preview = preview;
		this.runs = runs;
	}

	@GetMapping
	List<ScorecardSummary> list(@RequestParam(defaultValue = "false") boolean archived) {
		return this.scorecards.list(archived);
	}

	@PostMapping
	@Operation(summary = "Create a scorecard", description = "Creates its first draft; nothing is published yet")
	@PreAuthorize("@scorecardPermissions.canCreate(authentication, #form.ownerTeam())")
	ResponseEntity<ScorecardDetails> create(@Valid @RequestBody NewScorecardForm form, Authentication authentication) {
		ScorecardDetails created = this.scorecards.create(form, authentication.getName());
		return ResponseEntity.created(URI.create("/api/v1/scorecards/" + created.key())).body(created);
	}

	@GetMapping("/{key}")
	ScorecardDetails get(@PathVariable String key) {
		return this.scorecards.find(key)
			.orElseThrow(() -> new ScorecardProblems.NotFound("No scorecard with the key '" + key + "'"));
	}

	@GetMapping("/{key}/draft")
	DraftView draft(@PathVariable String key) {
		return this.scorecards.draft(key);
	}

	@PutMapping("/{key}/draft")
	@Operation(summary = "Save the draft", description = "Saved even when rules do not compile: the answer lists the "
			+ "diagnostics (rule, line, column). Send the lockVersion you read; a stale one gets 409.")
	@PreAuthorize("@scorecardPermissions.canEdit(authentication, #key)")
	DraftView saveDraft(@PathVariable String key, @Valid @RequestBody ScorecardForm form, Authentication authentication) {
		return this.scorecards.saveDraft(key, form, authentication.getName());
	}

	@PostMapping("/{key}/preview")
	@Operation(summary = "What publishing the draft would change", description = "Writes nothing")
	@PreAuthorize("@scorecardPermissions.canPreview(authentication)")
	Impact preview(@PathVariable String key) {
		return this.preview.preview(key);
	}

	@PostMapping("/{key}/publish")
	@Operation(summary = "Publish the draft as the next version", description = "Refused with the diagnostics when "
			+ "the draft does not compile (422), or when it is the same as the newest version (409)")
	@PreAuthorize("@scorecardPermissions.canEdit(authentication, #key)")
	ResponseEntity<VersionView> publish(@PathVariable String key, @Valid @RequestBody PublishRequest request,
			Authentication authentication) {
		VersionView published = this.scorecards.publish(key, request.note(), authentication.getName());
		return ResponseEntity.created(URI.create("/api/v1/scorecards/" + key + "/versions/" + published.number()))
			.body(published);
	}

	@GetMapping("/{key}/versions")
	List<VersionSummary> versions(@PathVariable String key) {
		return this.scorecards.versions(key);
	}

	@GetMapping("/{key}/versions/{number}")
	VersionView version(@PathVariable String key, @PathVariable int number) {
		return this.scorecards.version(key, number);
	}

	@GetMapping("/{key}/diff")
	@Operation(summary = "Differences between two versions", description = "Without 'to', against the draft")
	ScorecardDiff diff(@PathVariable String key, @RequestParam int from, @RequestParam(required = false) Integer to) {
		return this.scorecards.diff(key, from, to);
	}

	@PostMapping("/{key}/revert")
	@Operation(summary = "Publish a copy of an earlier version as the newest")
	@PreAuthorize("@scorecardPermissions.canEdit(authentication, #key)")
	ResponseEntity<VersionView> revert(@PathVariable String key, @RequestParam int to,
			@RequestBody(required = false) @Valid PublishRequest request, Authentication authentication) {
		VersionView reverted = this.scorecards.revert(key, to, (request != null) ? request.note() : null,
				authentication.getName());
		return ResponseEntity.created(URI.create("/api/v1/scorecards/" + key + "/versions/" + reverted.number()))
			.body(reverted);
	}

	@PostMapping("/{key}/archive")
	@Operation(summary = "Archive the scorecard", description = "It stops being evaluated; its history stays")
	@PreAuthorize("@scorecardPermissions.canEdit(authentication, #key)")
	ResponseEntity<Void> archive(@PathVariable String key, Authentication authentication) {
		this.scorecards.archive(key, authentication.getName());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{key}/evaluation")
	@Operation(summary = "Progress of the newest re-evaluation of the catalog by this scorecard")
	ResponseEntity<RunView> evaluation(@PathVariable String key) {
		ScorecardDetails scorecard = get(key);
		return ResponseEntity.of(this.scorecards.scorecardId(scorecard.key()).flatMap(this.runs::latest));
	}

	/** The change note of a publish or revert. */
	record PublishRequest(@Size(max = 2000) String note) {
	}
}
