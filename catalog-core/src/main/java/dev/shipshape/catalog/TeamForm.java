package dev.shipshape.catalog;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a caller writes to create or replace a team. {@code version} guards replacements. */
public record TeamForm(@NotBlank @CatalogName String name, @Size(max = 200) String displayName,
		@Email @Size(max = 320) String email, @Size(max = 200) String chatChannel, @Size(max = 2000) String description,
		@CatalogName String parent, @Size(max = 1000) List<@NotBlank @CatalogName String> members, Long version) {

	/** The form that would recreate the team as it is, including its version. */
	public static TeamForm of(TeamDetails team) {
		return new TeamForm(team.name(), team.displayName(), team.email(), team.chatChannel(), team.description(),
				team.parent(), team.members().stream().map(PersonSummary::name).toList(), team.version());
	}

	public TeamForm {
		members = Lists.copyOfNullable(members);
	}
}
