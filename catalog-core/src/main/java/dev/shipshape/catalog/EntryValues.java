package dev.shipshape.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The values of a catalog entry as {@link CatalogEvents.EntryChanged} carries them: plain maps, lists
 * and strings, so that listeners can record them without knowing the entities.
 */
final class EntryValues {

	private EntryValues() {
	}

	static Map<String, Object> of(ServiceEntry service) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", service.getName());
		values.put("title", service.getTitle());
		values.put("description", service.getDescription());
		values.put("owner", owner(service));
		values.put("tier", service.getTier());
		values.put("lifecycle", service.getLifecycle());
		values.put("system", service.getSystem());
		values.put("tags", List.copyOf(new TreeSet<>(service.getTags())));
		values.put("links", service.getLinks().stream().map(EntryValues::link).toList());
		values.put("dependsOn", service.getDependsOnByName().stream().map(ServiceEntry::getName).toList());
		return values;
	}

	static Map<String, Object> of(Team team) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", team.getName());
		values.put("displayName", team.getDisplayName());
		values.put("email", team.getEmail());
		values.put("chatChannel", team.getChatChannel());
		values.put("description", team.getDescription());
		values.put("parent", (team.getParent() != null) ? team.getParent().getName() : null);
		values.put("members", team.getMembersByName().stream().map(Person::getName).toList());
		return values;
	}

	static Map<String, Object> of(Person person) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", person.getName());
		values.put("displayName", person.getDisplayName());
		values.put("email", person.getEmail());
		values.put("chat", person.getChat());
		return values;
	}

	/** The owner as a descriptor would write it: a team's name, {@code user:} and a person's, or the unresolved reference. */
	private static String owner(ServiceEntry service) {
		if (service.getOwnerTeam() != null) {
			return service.getOwnerTeam().getName();
		}
		if (service.getOwnerPerson() != null) {
			return "user:" + service.getOwnerPerson().getName();
		}
		return service.getOwnerReference();
	}

	private static Map<String, Object> link(ServiceLink link) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("type", link.getType().value());
		values.put("url", link.getUrl());
		values.put("title", link.getTitle());
		return values;
	}
}
