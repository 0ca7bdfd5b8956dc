package dev.shipshape.portal.scorecards;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.shipshape.catalog.LinkType;
import dev.shipshape.catalog.Owner;
import dev.shipshape.catalog.OwnerKind;
import dev.shipshape.catalog.ServiceSnapshot;
import dev.shipshape.scorecard.Subject;

/**
 * What rules read: {@code service} (catalog fields, every well-known link as a string that is empty
 * when missing, and {@code facts}), {@code owner} (the owning team or person, null when unowned or
 * unresolved) and, for a release, {@code release}.
 */
public final class Subjects {

	private static final LinkType[] WELL_KNOWN_LINKS = { LinkType.REPO, LinkType.RUNBOOK, LinkType.ONCALL,
			LinkType.DASHBOARD, LinkType.DOCS, LinkType.CHAT };

	private Subjects() {
	}

	public static Subject of(ServiceSnapshot service) {
		return new Subject(service(service), null, owner(service.owner()));
	}

	public static Subject of(ServiceSnapshot service, ReleaseFields release) {
		return new Subject(service(service), release(release), owner(service.owner()));
	}

	private static Map<String, Object> service(ServiceSnapshot service) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", service.name());
		fields.put("title", orEmpty(service.title()));
		fields.put("description", orEmpty(service.description()));
		fields.put("owner", ownerName(service.owner()));
		if (service.tier() != null) {
			fields.put("tier", service.tier().longValue());
		}
		fields.put("lifecycle", orEmpty(service.lifecycle()));
		fields.put("system", orEmpty(service.system()));
		fields.put("tags", service.tags());
		Map<String, Object> links = new LinkedHashMap<>();
		for (LinkType type : WELL_KNOWN_LINKS) {
			links.put(type.value(), service.links().getOrDefault(type, ""));
		}
		fields.put("links", links);
		fields.put("facts", service.facts());
		return fields;
	}

	/** A team owner by its name, a person as {@code user:name}; empty when unowned or unresolved. */
	private static String ownerName(Owner owner) {
		if (owner == null || owner.kind() == OwnerKind.UNRESOLVED) {
			return "";
		}
		return (owner.kind() == OwnerKind.PERSON) ? "user:" + owner.name() : owner.name();
	}

	private static Map<String, Object> owner(Owner owner) {
		if (owner == null || owner.kind() == OwnerKind.UNRESOLVED) {
			return null;
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("kind", owner.kind().name().toLowerCase(java.util.Locale.ROOT));
		fields.put("name", owner.name());
		fields.put("displayName", orEmpty(owner.displayName()));
		fields.put("email", orEmpty(owner.email()));
		fields.put("chat", orEmpty(owner.chat()));
		return fields;
	}

	private static Map<String, Object> release(ReleaseFields release) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("version", release.version());
		fields.put("commit", orEmpty(release.commit()));
		fields.put("environment", orEmpty(release.environment()));
		fields.put("createdAt", release.createdAt().toString());
		fields.put("facts", release.facts());
		return fields;
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

	/** The fields of a release that rules read as {@code release}. */
	public record ReleaseFields(String version, String commit, String environment, Instant createdAt,
			Map<String, Object> facts) {
	}
}
