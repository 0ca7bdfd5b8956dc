package dev.shipshape.portal.scorecards;

import java.time.Instant;
import java.util.List;

import dev.shipshape.scorecard.Diagnostic;
import dev.shipshape.scorecard.Scorecard;

/** What the scorecards feature returns to pages and the API. */
public final class ScorecardViews {

	private ScorecardViews() {
	}

	/** A scorecard in lists: its newest published version, or its draft while nothing is published. */
	public record ScorecardSummary(String key, String name, String description, String ownerTeam,
			Integer latestVersion, Instant publishedAt, boolean archived, int ruleCount, int levelCount) {
	}

	/** A scorecard: the newest published version (null before the first publish) and the draft. */
	public record ScorecardDetails(String key, String ownerTeam, Integer latestVersion, Scorecard published,
			DraftView draft, boolean archived, Instant archivedAt, String createdBy, Instant createdAt) {

		/** The name as published, or as drafted before the first publish. */
		public String name() {
			return (this.published != null) ? this.published.name() : this.draft.document().name();
		}
	}

	/**
	 * The draft with the engine's verdict on it. {@code changed} tells whether it differs from the
	 * newest version, i.e. whether there is anything to publish.
	 */
	public record DraftView(String key, Scorecard document, String ownerTeam, long lockVersion,
			List<Diagnostic> diagnostics, boolean changed, String updatedBy, Instant updatedAt) {

		public boolean valid() {
			return this.diagnostics.isEmpty();
		}
	}

	public record VersionSummary(int number, String note, String publishedBy, Instant publishedAt,
			Integer revertedFrom, int ruleCount) {
	}

	public record VersionView(String key, int number, String note, String publishedBy, Instant publishedAt,
			Integer revertedFrom, String ownerTeam, Scorecard document) {
	}
}
