package dev.shipshape.catalog.importing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a team that a descriptor writes; {@code parent} and {@code members} are name keys,
 * members sorted. Members are only those the team's own descriptor names ({@code spec.members});
 * people join teams through their {@code memberOf} too.
 */
record TeamValues(String name, String displayName, String email, String description, String parent,
		List<String> members) {

	TeamValues {
		members = List.copyOf(members);
	}

	TeamValues withParent(String newParent) {
		return new TeamValues(this.name, this.displayName, this.email, this.description, newParent, this.members);
	}

	/** The fields compared one to one; members are compared as a set of links, see the planner. */
	Map<String, String> fields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", this.name);
		fields.put("displayName", this.displayName);
		fields.put("email", this.email);
		fields.put("description", this.description);
		fields.put("parent", this.parent);
		return fields;
	}
}
