package dev.shipshape.portal.scorecards;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.shipshape.portal.audit.AuditChange;
import dev.shipshape.portal.audit.AuditTrail;
import dev.shipshape.portal.scorecards.ScorecardStore.DraftRow;
import dev.shipshape.portal.scorecards.ScorecardStore.ScorecardRow;
import dev.shipshape.portal.scorecards.ScorecardStore.VersionRow;
import dev.shipshape.portal.scorecards.ScorecardViews.DraftView;
import dev.shipshape.portal.scorecards.ScorecardViews.ScorecardDetails;
import dev.shipshape.portal.scorecards.ScorecardViews.ScorecardSummary;
import dev.shipshape.portal.scorecards.ScorecardViews.VersionSummary;
import dev.shipshape.portal.scorecards.ScorecardViews.VersionView;
import dev.shipshape.scorecard.Diagnostic;
import dev.shipshape.scorecard.Scorecard;
import dev.shipshape.scorecard.ScorecardCompiler;
import dev.shipshape.scorecard.ScorecardYaml;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scorecards as living documents: each has one draft that anyone allowed edits, and immutable
 * published versions 1, 2, 3… Publishing freezes the draft as the next version; reverting publishes
 * a copy of an earlier one. Every publish starts a re-evaluation of the catalog in the background.
 */
@Service
@Transactional
public class ScorecardManagement {

	private final ScorecardStore store;

	private final ScorecardCompiler compiler;

	private final EvaluationRuns runs;

	private final AuditTrail audit;

	private final Clock clock;

	ScorecardManagement(ScorecardStore store, ScorecardCompiler compiler, EvaluationRuns runs, AuditTrail audit,
			Clock clock) {
		this.store = store;
		this.compiler = compiler;
		this.runs = runs;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<ScorecardSummary> list(boolean includeArchived) {
		return this.store.all()
			.stream()
			.filter((scorecard) -> includeArchived || !scorecard.archived())
			.map(this::summary)
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<ScorecardDetails> find(String key) {
		return this.store.find(key).map(this::details);
	}

	/** Creates a scorecard with its first draft; nothing is published yet. */
	public ScorecardDetails create(NewScorecardForm form, String actor) {
		if (this.store.find(form.key()).isPresent()) {
			throw new ScorecardProblems.Conflict("A scorecard with the key '" + form.key() + "' exists already");
		}
		Instant now = this.clock.instant();
		long id = this.store.insert(form.key(), actor, now);
		this.store.insertDraft(id, form.ownerTeam(), ScorecardYaml.write(form.content().toScorecard(form.key())), actor, now);
		ScorecardRow created = this.store.find(form.key()).orElseThrow();
		audit("created", form.key(), null, values(draftRow(created)), "Created scorecard '" + form.key() + "'");
		return details(created);
	}

	@Transactional(readOnly = true)
	public Optional<Long> scorecardId(String key) {
		return this.store.find(key).map(ScorecardRow::id);
	}

	@Transactional(readOnly = true)
	public DraftView draft(String key) {
		ScorecardRow scorecard = scorecard(key);
		return draftView(scorecard, draftRow(scorecard));
	}

	/**
	 * Saves the draft whatever the engine thinks of it and returns the diagnostics, so that work in
	 * progress is never lost; publishing is what requires a valid draft.
	 */
	public DraftView saveDraft(String key, ScorecardForm form, String actor) {
		ScorecardRow scorecard = activeScorecard(key);
		String document = ScorecardYaml.write(form.toScorecard(key));
		DraftRow before = draftRow(scorecard);
		if (!this.store.updateDraft(scorecard.id(), form.ownerTeam(), document, form.lockVersion(), actor,
				this.clock.instant())) {
			throw new ScorecardProblems.StaleDraft(key, draftRow(scorecard).lockVersion());
		}
		DraftRow after = draftRow(scorecard);
		audit("draft_saved", key, values(before), values(after), "Saved the draft of scorecard '" + key + "'");
		return draftView(scorecard, after);
	}

	/** Publishes the draft as the next version and starts re-evaluating the catalog with it. */
	public VersionView publish(String key, String note, String actor) {
		ScorecardRow scorecard = lockedActiveScorecard(key);
		DraftRow draft = draftRow(scorecard);
		Scorecard document = ScorecardYaml.read(draft.document());
		List<Diagnostic> diagnostics = this.compiler.validate(document);
		if (!diagnostics.isEmpty()) {
			throw new ScorecardProblems.InvalidDraft(key, diagnostics);
		}
		Optional<VersionRow> latest = this.store.latest(scorecard.id());
		if (latest.isPresent() && sameContent(latest.get(), draft.ownerTeam(), draft.document())) {
			throw new ScorecardProblems.NothingToPublish(
					"The draft of '" + key + "' is the same as version " + latest.get().number() + "; there is nothing to publish");
		}
		return publishVersion(scorecard, latest, draft.ownerTeam(), draft.document(), note, actor, null);
	}

	/** Publishes a copy of version {@code number} as the newest version, and resets the draft to it. */
	public VersionView revert(String key, int number, String note, String actor) {
		ScorecardRow scorecard = lockedActiveScorecard(key);
		VersionRow target = this.store.version(scorecard.id(), number)
			.orElseThrow(() -> new ScorecardProblems.NotFound("Scorecard '" + key + "' has no version " + number));
		VersionRow latest = this.store.latest(scorecard.id()).orElseThrow();
		if (latest.number() == number) {
			throw new ScorecardProblems.NothingToPublish("Version " + number + " is already the newest version of '" + key + "'");
		}
		String revertNote = (note == null || note.isBlank()) ? "Revert to version " + number : note;
		VersionView reverted = publishVersion(scorecard, Optional.of(latest), target.ownerTeam(), target.document(),
				revertNote, actor, number);
		this.store.updateDraft(scorecard.id(), target.ownerTeam(), target.document(), null, actor, this.clock.instant());
		return reverted;
	}

	/** Archives the scorecard: it stops being evaluated; its history stays. */
	public void archive(String key, String actor) {
		ScorecardRow scorecard = lockedActiveScorecard(key);
		this.store.archive(scorecard.id(), actor, this.clock.instant());
		audit("archived", key, Map.of("archived", false), Map.of("archived", true), "Archived scorecard '" + key + "'");
	}

	@Transactional(readOnly = true)
	public List<VersionSummary> versions(String key) {
		return this.store.versions(scorecard(key).id())
			.stream()
			.map((version) -> new VersionSummary(version.number(), version.note(), version.publishedBy(),
					version.publishedAt(), version.revertedFrom(), ScorecardYaml.read(version.document()).rules().size()))
			.toList();
	}

	@Transactional(readOnly = true)
	public VersionView version(String key, int number) {
		ScorecardRow scorecard = scorecard(key);
		return this.store.version(scorecard.id(), number)
			.map((version) -> view(key, version))
			.orElseThrow(() -> new ScorecardProblems.NotFound("Scorecard '" + key + "' has no version " + number));
	}

	/**
	 * The difference between two versions; {@code to} may be null for the draft.
	 */
	@Transactional(readOnly = true)
	public ScorecardDiff diff(String key, int from, Integer to) {
		VersionView before = version(key, from);
		if (to == null) {
			DraftView draft = draft(key);
			return ScorecardDiff.between("version " + from, before.document(), before.ownerTeam(), "draft", draft.document(),
					draft.ownerTeam());
		}
		VersionView after = version(key, to);
		return ScorecardDiff.between("version " + from, before.document(), before.ownerTeam(), "version " + to,
				after.document(), after.ownerTeam());
	}

	private VersionView publishVersion(ScorecardRow scorecard, Optional<VersionRow> latest, String ownerTeam,
			String document, String note, String actor, Integer revertedFrom) {
		int number = latest.map(VersionRow::number).orElse(0) + 1;
		VersionRow version = new VersionRow(scorecard.id(), number, ownerTeam, document, Objects.requireNonNullElse(note, ""),
				actor, this.clock.instant(), revertedFrom);
		this.store.insertVersion(version);
		this.runs.request(scorecard.id(), number, (revertedFrom != null)
				? "version " + number + " (revert to " + revertedFrom + ") published" : "version " + number + " published");
		String summary = (revertedFrom != null)
				? "Reverted scorecard '" + scorecard.key() + "' to version " + revertedFrom + " as version " + number
				: "Published version " + number + " of scorecard '" + scorecard.key() + "'";
		audit((revertedFrom != null) ? "reverted" : "published", scorecard.key(),
				latest.map(ScorecardManagement::values).orElse(null), values(version), summary);
		return view(scorecard.key(), version);
	}

	private void audit(String action, String key, Object before, Object after, String summary) {
		this.audit.record(new AuditChange("scorecard." + action, "scorecard", key, before, after, summary));
	}

	private static Map<String, Object> values(DraftRow draft) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("ownerTeam", draft.ownerTeam());
		values.put("lockVersion", draft.lockVersion());
		values.put("document", draft.document());
		return values;
	}

	private static Map<String, Object> values(VersionRow version) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("version", version.number());
		values.put("note", version.note());
		values.put("revertedFrom", version.revertedFrom());
		values.put("ownerTeam", version.ownerTeam());
		values.put("document", version.document());
		return values;
	}

	private static boolean sameContent(VersionRow version, String ownerTeam, String document) {
		return Objects.equals(version.ownerTeam(), ownerTeam) && version.document().equals(document);
	}

	private ScorecardSummary summary(ScorecardRow scorecard) {
		Optional<VersionRow> latest = this.store.latest(scorecard.id());
		String document = latest.map(VersionRow::document).orElseGet(() -> draftRow(scorecard).document());
		String ownerTeam = latest.map(VersionRow::ownerTeam).orElseGet(() -> draftRow(scorecard).ownerTeam());
		Scorecard content = ScorecardYaml.read(document);
		return new ScorecardSummary(scorecard.key(), content.name(), content.description(), ownerTeam,
				latest.map(VersionRow::number).orElse(null), latest.map(VersionRow::publishedAt).orElse(null),
				scorecard.archived(), content.rules().size(), content.levels().size());
	}

	private ScorecardDetails details(ScorecardRow scorecard) {
		Optional<VersionRow> latest = this.store.latest(scorecard.id());
		return new ScorecardDetails(scorecard.key(),
				latest.map(VersionRow::ownerTeam).orElseGet(() -> draftRow(scorecard).ownerTeam()),
				latest.map(VersionRow::number).orElse(null),
				latest.map((version) -> ScorecardYaml.read(version.document())).orElse(null),
				draftView(scorecard, draftRow(scorecard)), scorecard.archived(), scorecard.archivedAt(),
				scorecard.createdBy(), scorecard.createdAt());
	}

	private DraftView draftView(ScorecardRow scorecard, DraftRow draft) {
		Scorecard document = ScorecardYaml.read(draft.document());
		boolean changed = this.store.latest(scorecard.id())
			.map((latest) -> !sameContent(latest, draft.ownerTeam(), draft.document()))
			.orElse(true);
		return new DraftView(scorecard.key(), document, draft.ownerTeam(), draft.lockVersion(),
				this.compiler.validate(document), changed, draft.updatedBy(), draft.updatedAt());
	}

	private static VersionView view(String key, VersionRow version) {
		return new VersionView(key, version.number(), version.note(), version.publishedBy(), version.publishedAt(),
				version.revertedFrom(), version.ownerTeam(), ScorecardYaml.read(version.document()));
	}

	private DraftRow draftRow(ScorecardRow scorecard) {
		return this.store.draft(scorecard.id()).orElseThrow();
	}

	private ScorecardRow scorecard(String key) {
		return this.store.find(key).orElseThrow(() -> new ScorecardProblems.NotFound("No scorecard with the key '" + key + "'"));
	}

	private ScorecardRow activeScorecard(String key) {
		return requireActive(scorecard(key));
	}

	private ScorecardRow lockedActiveScorecard(String key) {
		return requireActive(this.store.lock(key)
			.orElseThrow(() -> new ScorecardProblems.NotFound("No scorecard with the key '" + key + "'")));
	}

	private static ScorecardRow requireActive(ScorecardRow scorecard) {
		if (scorecard.archived()) {
			throw new ScorecardProblems.Conflict("Scorecard '" + scorecard.key() + "' is archived; its history can be read but not changed");
		}
		return scorecard;
	}
}
