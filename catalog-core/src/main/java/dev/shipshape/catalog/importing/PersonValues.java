package dev.shipshape.catalog.importing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values of a person that a descriptor writes; {@code memberOf} holds team name keys, sorted. */
record PersonValues(String name, String displayName, String email, List<String> memberOf) {

	PersonValues {
		memberOf = List.copyOf(memberOf);
	}

	/** The fields compared one to one; memberships are compared as a set of links, see the planner. */
	Map<String, String> fields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", this.name);
		fields.put("displayName", this.displayName);
		fields.put("email", this.email);
		return fields;
	}
}
