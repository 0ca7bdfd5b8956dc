package dev.shipshape.catalog;

import tools.jackson.databind.json.JsonMapper;

/** Fact values as stored: JSON text in a {@code jsonb} column. */
public final class FactJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FactJson() {
	}

	public static String write(Object value) {
		return JSON.writeValueAsString(value);
	}

	public static Object read(String json) {
		return JSON.readValue(json, Object.class);
	}
}
