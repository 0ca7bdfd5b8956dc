package dev.shipshape.portal.scorecards;

import java.util.List;

import dev.shipshape.catalog.CatalogName;
import dev.shipshape.scorecard.Scorecard;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new scorecard: its permanent key and the content of its first draft. */
public record NewScorecardForm(
		@NotBlank @Size(max = 63) @Pattern(regexp = ScorecardForm.KEY_PATTERN,
				message = "must be lower-case letters and digits separated by single '-'") String key,
		@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description, @CatalogName String ownerTeam,
		@Size(max = 2000) String appliesTo,
		@NotNull @Size(min = 1, max = 10) List<ScorecardForm.@Valid @NotNull LevelForm> levels,
		@Size(max = 200) List<ScorecardForm.@Valid @NotNull RuleForm> rules) {

	/** A new scorecard with the content of an existing document, such as a reference scorecard. */
	public static NewScorecardForm of(Scorecard scorecard, String ownerTeam) {
		ScorecardForm content = ScorecardForm.of(scorecard, ownerTeam, null);
		return new NewScorecardForm(scorecard.key(), content.name(), content.description(), ownerTeam,
				content.appliesTo(), content.levels(), content.rules());
	}

	public ScorecardForm content() {
		return new ScorecardForm(this.name, this.description, this.ownerTeam, this.appliesTo, this.levels,
				(this.rules != null) ? this.rules : List.of(), null);
	}
}
