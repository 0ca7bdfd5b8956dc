package dev.shipshape.portal.scorecards;

import java.time.Instant;
import java.util.List;

import dev.shipshape.catalog.CatalogName;
import dev.shipshape.scorecard.Level;
import dev.shipshape.scorecard.Rule;
import dev.shipshape.scorecard.Scorecard;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The editable content of a scorecard: what a draft holds and what publishing freezes into a
 * version. Expressions are checked by the engine, which reports diagnostics instead of refusing the
 * save; only the shape is validated here. {@code lockVersion} guards concurrent edits of the draft.
 */
public record ScorecardForm(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
		@CatalogName String ownerTeam, @Size(max = 2000) String appliesTo,
		@NotNull @Size(min = 1, max = 10) List<@Valid @NotNull LevelForm> levels,
		@NotNull @Size(max = 200) List<@Valid @NotNull RuleForm> rules, Long lockVersion) {

	public static final String KEY_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

	public ScorecardForm {
		levels = (levels != null) ? List.copyOf(levels) : null;
		rules = (rules != null) ? List.copyOf(rules) : null;
	}

	public record LevelForm(@NotBlank @Size(max = 63) @Pattern(regexp = KEY_PATTERN,
			message = "must be lower-case letters and digits separated by single '-'") String key,
			@NotBlank @Size(max = 100) String name, boolean blocking) {
	}

	public record RuleForm(@NotBlank @Size(max = 63) @Pattern(regexp = KEY_PATTERN,
			message = "must be lower-case letters and digits separated by single '-'") String key,
			@NotBlank @Size(max = 200) String title, @Size(max = 2000) String description, @NotBlank String level,
			@NotBlank String expression, @Size(max = 2000) String remediation, Instant effectiveFrom) {
	}

	/** The engine's scorecard with this content. */
	public Scorecard toScorecard(String key) {
		return new Scorecard(key, this.name, blankToNull(this.description), blankToNull(this.appliesTo),
				this.levels.stream().map((level) -> new Level(level.key(), level.name(), level.blocking())).toList(),
				this.rules.stream()
					.map((rule) -> new Rule(rule.key(), rule.title(), blankToNull(rule.description()), rule.level(),
							rule.expression(), blankToNull(rule.remediation()), rule.effectiveFrom()))
					.toList());
	}

	public static ScorecardForm of(Scorecard scorecard, String ownerTeam, Long lockVersion) {
		return new ScorecardForm(scorecard.name(), scorecard.description(), ownerTeam, scorecard.appliesTo(),
				scorecard.levels().stream().map((level) -> new LevelForm(level.key(), level.name(), level.blocking())).toList(),
				scorecard.rules()
					.stream()
					.map((rule) -> new RuleForm(rule.key(), rule.title(), rule.description(), rule.level(), rule.expression(),
							rule.remediation(), rule.effectiveFrom()))
					.toList(),
				lockVersion);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}
}
