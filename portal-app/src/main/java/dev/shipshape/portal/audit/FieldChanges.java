package dev.shipshape.portal.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The top-level fields in which an object's before and after differ. Of an object that is new or
 * gone, every field that has a value.
 */
final class FieldChanges {

	private FieldChanges() {
	}

	static List<AuditEvent.FieldChange> between(String beforeJson, String afterJson) {
		return between(read(beforeJson), read(afterJson));
	}

	static List<AuditEvent.FieldChange> between(JsonNode before, JsonNode after) {
		Set<String> fields = new LinkedHashSet<>(fieldNames(before));
		fields.addAll(fieldNames(after));
		List<AuditEvent.FieldChange> changes = new ArrayList<>();
		for (String field : fields) {
			String was = text(before, field);
			String is = text(after, field);
			if (!Objects.equals(was, is)) {
				changes.add(new AuditEvent.FieldChange(field, was, is));
			}
		}
		return changes;
	}

	/** The names of the changed fields, e.g. {@code tier, owner}. */
	static String names(JsonNode before, JsonNode after) {
		return String.join(", ", between(before, after).stream().map(AuditEvent.FieldChange::field).toList());
	}

	private static Collection<String> fieldNames(JsonNode node) {
		return (node != null && node.isObject()) ? node.propertyNames() : List.of();
	}

	/** A value as pages show it: text as it is, anything else as compact JSON, nothing as null. */
	private static String text(JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		if (value == null || value.isNull()) {
			return null;
		}
		return value.isString() ? value.stringValue() : value.toString();
	}

	private static JsonNode read(String json) {
		return (json != null) ? JsonMapper.shared().readTree(json) : null;
	}
}
