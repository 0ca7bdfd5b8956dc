package dev.shipshape.scorecard.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.shipshape.scorecard.Subject;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subjects as JSON lines: one object per line, {@code {"service": {...}, "release": {...},
 * "owner": {...}}}, where {@code release} and {@code owner} may be absent or null. Numbers stay as
 * JSON gives them (whole numbers as integers, others as doubles); the engine compares them
 * correctly either way.
 */
public final class SubjectLines {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private static final Set<String> FIELDS = Set.of("service", "release", "owner");

	private SubjectLines() {
	}

	/**
	 * Parses one line.
	 * @throws IllegalArgumentException when the line is not a subject
	 */
	public static Subject parse(String line) {
		Map<String, Object> object;
		try {
			object = JSON.readValue(line, OBJECT);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("invalid JSON: " + ex.getOriginalMessage(), ex);
		}
		if (object == null) {
			throw new IllegalArgumentException("expected a JSON object, not null");
		}
		for (String field : object.keySet()) {
			if (!FIELDS.contains(field)) {
				throw new IllegalArgumentException("unknown field '" + field + "' (expected service, release, owner)");
			}
		}
		Map<String, Object> service = objectField(object, "service");
		if (service == null) {
			throw new IllegalArgumentException("field 'service' is required");
		}
		return new Subject(service, objectField(object, "release"), objectField(object, "owner"));
	}

	/** Reads every subject of a file; blank lines are skipped. */
	public static List<Subject> read(Path file) {
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			List<Subject> subjects = new ArrayList<>();
			int number = 0;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				number++;
				if (!line.isBlank()) {
					try {
						subjects.add(parse(line));
					}
					catch (IllegalArgumentException ex) {
						throw new IllegalArgumentException(file + ":" + number + ": " + ex.getMessage(), ex);
					}
				}
			}
			return subjects;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> objectField(Map<String, Object> object, String field) {
		Object value = object.get(field);
		if (value == null) {
			return null;
		}
		if (!(value instanceof Map<?, ?>)) {
			throw new IllegalArgumentException("field '" + field + "' must be an object");
		}
		return (Map<String, Object>) value;
	}

}
