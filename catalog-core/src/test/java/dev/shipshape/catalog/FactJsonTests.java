package dev.shipshape.catalog;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class FactJsonTests {

	private static final JsonMapper PARSER = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "true", "false", "null", "0", "-0", "7", "-42", "123456789", "-123456789", "1234567890",
			"2147483648", "9223372036854775808", "007", "0.95", "-0.5", "80.0", "00.5", "1.", ".5", "1e5", "1.5E-3",
			"\"\"", "\"payments\"", "\"café ☕\"", "\"say \\\"hi\\\"\"", "\"a\\nb\"", "\"\\u00e9\"", "\"", "\"a\"b\"",
			"[1, 2]", "{\"a\": {\"b\": [true, null]}}", "-", "--1", "1.2.3", " 5" })
	void readsEveryValueAsTheParserDoes(String json) {
		Object expected = parse(json);
		Object read = read(json);
		assertThat(read).isEqualTo(expected);
		if (expected != null) {
			assertThat(read).hasSameClassAs(expected);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"coverage\": 81.5, \"tags\": [\"a\"]}" })
	void readsObjectsIntoMaps(String json) {
		assertThat(FactJson.read(json)).isEqualTo(Map.of("coverage", 81.5, "tags", List.of("a")));
	}

	private static Object parse(String json) {
		try {
			return PARSER.readValue(json, Object.class);
		}
		catch (RuntimeException ex) {
			return ParseFailure.INSTANCE;
		}
	}

	private static Object read(String json) {
		try {
			return FactJson.read(json);
		}
		catch (RuntimeException ex) {
			return ParseFailure.INSTANCE;
		}
	}

	private enum ParseFailure {
		INSTANCE
	}

}
