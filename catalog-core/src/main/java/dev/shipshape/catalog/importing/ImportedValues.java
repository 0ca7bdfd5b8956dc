package dev.shipshape.catalog.importing;

import java.util.Collection;
import java.util.stream.Collectors;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Stores the values an import wrote as JSON next to the entry, to tell hand edits from imports later. */
final class ImportedValues {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private ImportedValues() {
	}

	static String write(Object values) {
		return JSON.writeValueAsString(values);
	}

	static <T> T read(String json, Class<T> type) {
		return (json != null) ? JSON.readValue(json, type) : null;
	}

	/** A list as one field value of a plan; null when empty, like every other empty field. */
	static String join(Collection<?> values) {
		return values.isEmpty() ? null : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
	}
}
