package dev.shipshape.catalog.importing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.shipshape.catalog.CatalogNames;
import dev.shipshape.catalog.EntityReference;
import dev.shipshape.catalog.Lifecycles;
import dev.shipshape.catalog.Tags;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Turns one YAML document into a descriptor: checks the entity envelope ({@code apiVersion},
 * {@code kind}, {@code metadata.name}) and maps the fields of Components, Groups and Users to
 * catalog values. Every problem names its line and field.
 */
final class DocumentReader {

	/** Annotation for a service's tier (1–4), which Backstage has no field for. */
	static final String TIER_ANNOTATION = "shipshape.dev/tier";

	private static final String NAMESPACE_RULE = "the catalog holds the default namespace only; entities of other "
			+ "namespaces are skipped, never mixed with default ones of the same name";

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

	private final DocumentFields fields;

	private final Origin origin;

	private final LocationTargets locations;

	private final List<String> notes = new ArrayList<>();

	DocumentReader(String file, int document, int line, LocationTargets locations) {
		this.fields = new DocumentFields(file, document);
		this.origin = new Origin(file, document, line);
		this.locations = locations;
	}

	Descriptor read(Node root) {
		Map<String, Node> entity = this.fields.mapping(root, "");
		if (entity == null) {
			if (this.fields.problems().isEmpty()) {
				this.fields.problem(root, null, "a document must be a mapping that describes one entity");
			}
			return invalid(new EntityName("?", EntityReference.DEFAULT_NAMESPACE, null), null);
		}
		String apiVersion = this.fields.requiredString(entity, root, "apiVersion", "apiVersion");
		String kind = this.fields.requiredString(entity, root, "kind", "kind");
		int problemsBefore = this.fields.problems().size();
		Map<String, Node> metadata = this.fields.mapping(entity, "metadata", "metadata");
		if (metadata == null && this.fields.problems().size() == problemsBefore) {
			this.fields.problem(root, "metadata", "is required");
		}
		String name = (metadata != null)
				? this.fields.requiredString(metadata, entity.get("metadata"), "name", "metadata.name") : null;
		String namespace = this.fields.string(metadata, "namespace", "metadata.namespace");
		EntityName id = new EntityName((kind != null) ? kind : "?",
				(namespace != null) ? namespace : EntityReference.DEFAULT_NAMESPACE, name);
		this.fields.entity(id.ref());
		CatalogKind target = (kind != null) ? CatalogKind.of(kind).orElse(null) : null;
		if (!this.fields.problems().isEmpty()) {
			return invalid(id, target);
		}
		if (target == null) {
			return skipped(id, skipReason(kind, entity));
		}
		if (!apiVersion.startsWith("backstage.io/")) {
			return skipped(id, "apiVersion '" + apiVersion + "' is not a Backstage catalog entity (backstage.io/v1alpha1)");
		}
		if (!CatalogNames.isValid(namespace != null ? namespace : EntityReference.DEFAULT_NAMESPACE)) {
			this.fields.problem(metadata.get("namespace"), "metadata.namespace", CatalogNames.RULE);
			return invalid(id, target);
		}
		if (!id.isDefaultNamespace()) {
			return skipped(id, "namespace '" + namespace + "': " + NAMESPACE_RULE);
		}
		if (!CatalogNames.isValid(name)) {
			this.fields.problem(metadata.get("name"), "metadata.name", "'" + name + "' " + CatalogNames.RULE);
		}
		Map<String, Node> spec = this.fields.mapping(entity, "spec", "spec");
		Descriptor descriptor = switch (target) {
			case SERVICE -> service(id, metadata, spec);
			case TEAM -> team(id, metadata, spec);
			case PERSON -> person(id, spec);
		};
		return this.fields.problems().isEmpty() ? descriptor : invalid(id, target);
	}

	private Descriptor invalid(EntityName id, CatalogKind target) {
		return new InvalidDescriptor(this.origin, id, target, this.fields.problems());
	}

	private Descriptor skipped(EntityName id, String reason) {
		return new SkippedDescriptor(this.origin, id, reason, this.notes);
	}

	private String skipReason(String kind, Map<String, Node> entity) {
		return switch (kind.toLowerCase(Locale.ROOT)) {
			case "system" -> "System: kept as the system of the components that name it in spec.system";
			case "location" -> this.locations.describe(this.origin.file(), locationTargets(entity));
			case "api", "resource", "domain", "template", "environment" ->
				kind + ": the catalog keeps services (Component), teams (Group) and people (User) only";
			default -> "kind '" + kind + "' is not part of the catalog, which keeps Component, Group and User";
		};
	}

	private List<String> locationTargets(Map<String, Node> entity) {
		Map<String, Node> spec = this.fields.mapping(entity, "spec", "spec");
		List<String> targets = new ArrayList<>();
		String target = this.fields.string(spec, "target", "spec.target");
		if (target != null) {
			targets.add(target);
		}
		this.fields.strings(spec, "targets", "spec.targets").forEach((element) -> targets.add(element.value()));
		return targets;
	}

	// Component

	private ServiceDescriptor service(EntityName id, Map<String, Node> metadata, Map<String, Node> spec) {
		String title = limited(metadata, "title", "metadata.title", 200);
		String description = limited(metadata, "description", "metadata.description", 4000);
		List<String> tags = tags(metadata);
		Map<String, Node> annotations = this.fields.mapping(metadata, "annotations", "metadata.annotations");
		List<LinkValue> links = links(metadata, annotations);
		Integer tier = tier(annotations);
		String lifecycle = lifecycle(spec);
		String system = system(spec);
		String ownerWritten = this.fields.string(spec, "owner", "spec.owner");
		Target owner = null;
		String ownerCanonical = null;
		if (ownerWritten != null) {
			EntityReference reference = reference(ownerWritten, "group", Set.of("group", "user"), this.fields.node(spec, "owner"),
					"spec.owner");
			if (reference != null) {
				ownerCanonical = References.canonical(reference, "group");
				owner = reference.isDefaultNamespace() ? new Target(reference.isUser() ? Relation.OWNER_PERSON
						: Relation.OWNER_TEAM, CatalogNames.key(reference.name())) : null;
				if (owner == null) {
					this.notes.add("owner '" + ownerWritten + "' is in namespace '" + reference.namespace()
							+ "' and stays unresolved: " + NAMESPACE_RULE);
				}
			}
		}
		List<String> dependsOn = dependsOn(spec, id.name());
		ServiceValues values = new ServiceValues(id.name(), title, description, ownerCanonical, tier, lifecycle, system,
				tags, links, dependsOn);
		return new ServiceDescriptor(this.origin, id, values, owner, ownerWritten, this.notes);
	}

	private List<String> tags(Map<String, Node> metadata) {
		Set<String> tags = new TreeSet<>();
		for (DocumentFields.Element tag : this.fields.strings(metadata, "tags", "metadata.tags")) {
			if (!Tags.isValid(tag.value())) {
				this.fields.problem(tag.node(), tag.field(), "'" + tag.value() + "' " + Tags.RULE);
			}
			tags.add(tag.value());
		}
		if (tags.size() > 100) {
			this.fields.problem(metadata.get("tags"), "metadata.tags", "has " + tags.size() + " tags; at most 100 are allowed");
		}
		return List.copyOf(tags);
	}

	private List<LinkValue> links(Map<String, Node> metadata, Map<String, Node> annotations) {
		Set<LinkValue> links = new LinkedHashSet<>();
		List<Node> nodes = this.fields.list(metadata, "links", "metadata.links");
		for (int i = 0; i < nodes.size(); i++) {
			String field = "metadata.links[" + i + "]";
			Map<String, Node> link = this.fields.mapping(nodes.get(i), field);
			if (link == null) {
				continue;
			}
			String url = this.fields.requiredString(link, nodes.get(i), "url", field + ".url");
			if (url != null && (url.length() > 2000 || !LinkTypes.URL.matcher(url).matches())) {
				this.fields.problem(link.get("url"), field + ".url", "'" + url + "' must be an http(s) or mailto URL of at most 2000 characters");
			}
			String title = limited(link, "title", field + ".title", 200);
			String type = this.fields.string(link, "type", field + ".type");
			String icon = this.fields.string(link, "icon", field + ".icon");
			links.add(new LinkValue(LinkTypes.of(type, icon).value(), url, title));
		}
		if (annotations != null) {
			for (String key : LinkTypes.ANNOTATIONS) {
				String value = this.fields.string(annotations, key, "metadata.annotations." + key);
				LinkValue link = (value != null) ? LinkTypes.ofAnnotation(key, value) : null;
				if (link != null && links.stream().noneMatch((existing) -> link.url().equals(existing.url()))) {
					links.add(link);
				}
			}
		}
		if (links.size() > 50) {
			this.fields.problem(metadata.get("links"), "metadata.links", "has " + links.size() + " links; at most 50 are allowed");
		}
		return List.copyOf(links);
	}

	private Integer tier(Map<String, Node> annotations) {
		String field = "metadata.annotations." + TIER_ANNOTATION;
		String tier = this.fields.string(annotations, TIER_ANNOTATION, field);
		if (tier == null) {
			return null;
		}
		if (!tier.matches("[1-4]")) {
			this.fields.problem(annotations.get(TIER_ANNOTATION), field, "'" + tier + "' must be a tier from 1 (most critical) to 4");
			return null;
		}
		return Integer.valueOf(tier);
	}

	private String lifecycle(Map<String, Node> spec) {
		String lifecycle = this.fields.string(spec, "lifecycle", "spec.lifecycle");
		if (lifecycle == null) {
			return null;
		}
		String normalized = lifecycle.toLowerCase(Locale.ROOT);
		if (!Lifecycles.isValid(normalized)) {
			this.fields.problem(spec.get("lifecycle"), "spec.lifecycle", "'" + lifecycle + "' " + Lifecycles.RULE);
		}
		return normalized;
	}

	private String system(Map<String, Node> spec) {
		String system = this.fields.string(spec, "system", "spec.system");
		if (system == null) {
			return null;
		}
		EntityReference reference = reference(system, "system", Set.of("system"), spec.get("system"), "spec.system");
		if (reference == null) {
			return null;
		}
		return reference.isDefaultNamespace() ? reference.name() : reference.namespace() + "/" + reference.name();
	}

	private List<String> dependsOn(Map<String, Node> spec, String self) {
		Set<String> keys = new TreeSet<>();
		for (DocumentFields.Element element : this.fields.strings(spec, "dependsOn", "spec.dependsOn")) {
			EntityReference reference = reference(element.value(), "component", null, element.node(), element.field());
			if (reference == null) {
				continue;
			}
			if (!"component".equals(reference.kind())) {
				this.notes.add("dependsOn '" + element.value() + "' is not a component; only dependencies on services are kept");
			}
			else if (!reference.isDefaultNamespace()) {
				this.notes.add("dependsOn '" + element.value() + "' is left out: " + NAMESPACE_RULE);
			}
			else if (self != null && CatalogNames.key(reference.name()).equals(CatalogNames.key(self))) {
				this.fields.problem(element.node(), element.field(), "a service cannot depend on itself");
			}
			else {
				keys.add(CatalogNames.key(reference.name()));
			}
		}
		if (keys.size() > 500) {
			this.fields.problem(spec.get("dependsOn"), "spec.dependsOn", "has " + keys.size() + " entries; at most 500 are allowed");
		}
		return List.copyOf(keys);
	}

	// Group

	private TeamDescriptor team(EntityName id, Map<String, Node> metadata, Map<String, Node> spec) {
		Map<String, Node> profile = this.fields.mapping(spec, "profile", "spec.profile");
		String displayName = limited(profile, "displayName", "spec.profile.displayName", 200);
		String email = email(profile);
		String description = limited(metadata, "description", "metadata.description", 2000);
		String parentWritten = this.fields.string(spec, "parent", "spec.parent");
		String parent = null;
		if (parentWritten != null) {
			parent = defaultNamespaceKey(reference(parentWritten, "group", Set.of("group"), spec.get("parent"), "spec.parent"),
					"parent");
			if (id.name() != null && CatalogNames.key(id.name()).equals(parent)) {
				this.fields.problem(spec.get("parent"), "spec.parent", "a team cannot be its own parent");
			}
		}
		List<String> children = keys(spec, "children", "group", "spec.children", 1000);
		List<String> members = keys(spec, "members", "user", "spec.members", 1000);
		TeamValues values = new TeamValues(id.name(), displayName, email, description, parent, members);
		return new TeamDescriptor(this.origin, id, values, children, this.notes);
	}

	// User

	private PersonDescriptor person(EntityName id, Map<String, Node> spec) {
		Map<String, Node> profile = this.fields.mapping(spec, "profile", "spec.profile");
		String displayName = limited(profile, "displayName", "spec.profile.displayName", 200);
		String email = email(profile);
		List<String> memberOf = keys(spec, "memberOf", "group", "spec.memberOf", 1000);
		return new PersonDescriptor(this.origin, id, new PersonValues(id.name(), displayName, email, memberOf), this.notes);
	}

	// Shared

	private String email(Map<String, Node> profile) {
		String email = limited(profile, "email", "spec.profile.email", 320);
		if (email != null && !EMAIL.matcher(email).matches()) {
			this.fields.problem(profile.get("email"), "spec.profile.email", "'" + email + "' is not an e-mail address");
		}
		return email;
	}

	/** Name keys of a list of references of one kind in the default namespace, sorted. */
	private List<String> keys(Map<String, Node> spec, String key, String kind, String field, int max) {
		Set<String> keys = new TreeSet<>();
		for (DocumentFields.Element element : this.fields.strings(spec, key, field)) {
			String target = defaultNamespaceKey(reference(element.value(), kind, Set.of(kind), element.node(), element.field()),
					key);
			if (target != null) {
				keys.add(target);
			}
		}
		if (keys.size() > max) {
			this.fields.problem(spec.get(key), field, "has " + keys.size() + " entries; at most " + max + " are allowed");
		}
		return List.copyOf(keys);
	}

	private String defaultNamespaceKey(EntityReference reference, String field) {
		if (reference == null) {
			return null;
		}
		if (!reference.isDefaultNamespace()) {
			this.notes.add(field + " '" + reference.kind() + ":" + reference.namespace() + "/" + reference.name()
					+ "' is left out: " + NAMESPACE_RULE);
			return null;
		}
		return CatalogNames.key(reference.name());
	}

	/** Parses an entity reference, reporting a name that breaks the rule or a kind the field does not take. */
	private EntityReference reference(String written, String defaultKind, Set<String> kinds, Node at, String field) {
		EntityReference reference = EntityReference.parse(written, defaultKind);
		if (!CatalogNames.isValid(reference.name()) || !CatalogNames.isValid(reference.namespace())) {
			this.fields.problem(at, field, "'" + written + "' is not an entity reference (kind:namespace/name, where the name "
					+ CatalogNames.RULE + ")");
			return null;
		}
		if (kinds != null && !kinds.contains(reference.kind())) {
			this.fields.problem(at, field, "'" + written + "' must name a " + String.join(" or a ", kinds.stream().sorted().toList()));
			return null;
		}
		return reference;
	}

	private String limited(Map<String, Node> parent, String key, String field, int maxLength) {
		return this.fields.limited(this.fields.string(parent, key, field), this.fields.node(parent, key), field, maxLength);
	}
}
