package dev.shipshape.catalog;

import java.util.Locale;

/**
 * A reference to a catalog entity in Backstage's form: {@code team-a}, {@code group:team-a},
 * {@code default/team-a} or {@code group:default/team-a}. The kind defaults to the one the field
 * expects; the namespace defaults to {@code default}.
 */
public record EntityReference(String kind, String namespace, String name) {

	public static final String DEFAULT_NAMESPACE = "default";

	public static EntityReference parse(String reference, String defaultKind) {
		String rest = reference.trim();
		String kind = defaultKind;
		int colon = rest.indexOf(':');
		if (colon > 0) {
			kind = rest.substring(0, colon);
			rest = rest.substring(colon + 1);
		}
		String namespace = DEFAULT_NAMESPACE;
		int slash = rest.indexOf('/');
		if (slash > 0) {
			namespace = rest.substring(0, slash);
			rest = rest.substring(slash + 1);
		}
		return new EntityReference(kind.toLowerCase(Locale.ROOT), namespace, rest);
	}

	public boolean isDefaultNamespace() {
		return DEFAULT_NAMESPACE.equalsIgnoreCase(this.namespace);
	}

	public boolean isGroup() {
		return "group".equals(this.kind);
	}

	public boolean isUser() {
		return "user".equals(this.kind);
	}
}
