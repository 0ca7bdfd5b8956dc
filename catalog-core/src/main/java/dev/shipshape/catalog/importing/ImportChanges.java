package dev.shipshape.catalog.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.shipshape.catalog.CatalogEvents.EntryChanged;
import dev.shipshape.catalog.importing.Planned.Links;
import dev.shipshape.catalog.importing.Planned.PersonStep;
import dev.shipshape.catalog.importing.Planned.ServiceStep;
import dev.shipshape.catalog.importing.Planned.TeamStep;

/**
 * What an applied import did, as the catalog's events carry it: first the import itself, then one
 * change per entry it created, updated or removed, with the entry's values before and after.
 * Entries whose values stay as they are (only their import bookkeeping changes) are left out.
 */
final class ImportChanges {

	private ImportChanges() {
	}

	static List<EntryChanged> of(ImportRequest request, Planned planned, ImportPlan plan) {
		String source = request.source();
		List<EntryChanged> changes = new ArrayList<>();
		changes.add(new EntryChanged("import", source, "applied", null, applied(request, plan), source));
		for (TeamStep step : planned.teams()) {
			Map<String, Object> before = (step.current() != null) ? team(step.current().values()) : null;
			Map<String, Object> after = team(step.descriptor().values());
			after.put("members", linked((step.current() != null) ? step.current().values().members() : List.of(),
					step.members()));
			entry(changes, "team", step.status(), before, after, source);
		}
		for (PersonStep step : planned.people()) {
			Map<String, Object> before = (step.current() != null) ? person(step.current().values()) : null;
			Map<String, Object> after = person(step.descriptor().values());
			after.put("memberOf", linked((step.current() != null) ? step.current().values().memberOf() : List.of(),
					step.teams()));
			entry(changes, "person", step.status(), before, after, source);
		}
		for (ServiceStep step : planned.services()) {
			entry(changes, "service", step.status(), (step.current() != null) ? service(step.current().values()) : null,
					service(step.descriptor().values()), source);
		}
		planned.removedTeams().forEach((team) -> removed(changes, "team", team(team.values()), source));
		planned.removedPeople().forEach((person) -> removed(changes, "person", person(person.values()), source));
		planned.removedServices().forEach((service) -> removed(changes, "service", service(service.values()), source));
		return changes;
	}

	private static Map<String, Object> applied(ImportRequest request, ImportPlan plan) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("prune", request.prune());
		values.put("overwrite", request.overwrite());
		values.put("files", request.files().stream().map(DescriptorFile::name).toList());
		values.put("summary", plan.summary());
		values.put("resolved", plan.resolved());
		return values;
	}

	private static void entry(List<EntryChanged> changes, String type, ImportStatus status, Map<String, Object> before,
			Map<String, Object> after, String source) {
		String name = (String) after.get("name");
		switch (status) {
			case CREATED -> changes.add(new EntryChanged(type, name, "created", null, after, source));
			case UPDATED -> changes.add(new EntryChanged(type, name, "updated", before, after, source));
			default -> {
			}
		}
	}

	private static void removed(List<EntryChanged> changes, String type, Map<String, Object> before, String source) {
		changes.add(new EntryChanged(type, (String) before.get("name"), "deleted", before, null, source));
	}

	/** The links after the import: those kept, those it adds, and those it keeps waiting for. */
	private static List<String> linked(List<String> current, Links links) {
		Set<String> after = new TreeSet<>(current);
		after.removeAll(links.remove());
		after.addAll(links.add());
		after.addAll(links.pending());
		return List.copyOf(after);
	}

	private static Map<String, Object> team(TeamValues team) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", team.name());
		values.put("displayName", team.displayName());
		values.put("email", team.email());
		values.put("description", team.description());
		values.put("parent", team.parent());
		values.put("members", team.members());
		return values;
	}

	private static Map<String, Object> person(PersonValues person) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", person.name());
		values.put("displayName", person.displayName());
		values.put("email", person.email());
		values.put("memberOf", person.memberOf());
		return values;
	}

	private static Map<String, Object> service(ServiceValues service) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", service.name());
		values.put("title", service.title());
		values.put("description", service.description());
		values.put("owner", service.owner());
		values.put("tier", service.tier());
		values.put("lifecycle", service.lifecycle());
		values.put("system", service.system());
		values.put("tags", service.tags());
		values.put("links", service.links().stream().map(ImportChanges::link).toList());
		values.put("dependsOn", service.dependsOn());
		return values;
	}

	private static Map<String, Object> link(LinkValue link) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("type", link.type());
		values.put("url", link.url());
		values.put("title", link.title());
		return values;
	}
}
