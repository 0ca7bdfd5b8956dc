package dev.shipshape.portal.catalog.web;

import dev.shipshape.catalog.TeamDetails;
import dev.shipshape.catalog.TeamForm;

/** The team form of the pages: members as comma-separated names. */
record TeamPageForm(String name, String displayName, String email, String chatChannel, String description,
		String parent, String members, Long version) {

	static TeamPageForm empty() {
		return new TeamPageForm(null, null, null, null, null, null, null, null);
	}

	static TeamPageForm of(TeamDetails team) {
		TeamForm form = TeamForm.of(team);
		return new TeamPageForm(form.name(), form.displayName(), form.email(), form.chatChannel(), form.description(),
				form.parent(), CommaSeparated.join(form.members()), form.version());
	}

	TeamForm toTeamForm() {
		return new TeamForm(this.name, this.displayName, this.email, this.chatChannel, this.description, this.parent,
				CommaSeparated.split(this.members), this.version);
	}
}
