package dev.shipshape.catalog;

import tools.jackson.databind.json.JsonMapper;

/** Fact values as stored: JSON text in a {@code jsonb} column. */
final class FactJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FactJson() {
	}

	static String write(Object value) {
		return JSON.writeValueAsString(value);
	}

	static Object read(String json) {
		return JSON.readValue(json, Object.class);
	}
}
