package dev.shipshape.portal.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Who may call which endpoint, as written in {@code permission-matrix.csv} next to this class: one
 * line per endpoint (method, path pattern, and a variant where one handler answers differently
 * depending on the request), one column per {@link Caller}, {@code +} for allowed and {@code -} for
 * refused.
 */
record PermissionMatrix(List<Entry> entries) {

	static final String RESOURCE = "permission-matrix.csv";

	private static final int FIXED_COLUMNS = 3;

	static PermissionMatrix load() {
		try (InputStream in = PermissionMatrix.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("No " + RESOURCE + " next to " + PermissionMatrix.class.getName());
			}
			return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static PermissionMatrix parse(List<String> lines) {
		List<String[]> rows = lines.stream()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.map((line) -> Arrays.stream(line.split(",", -1)).map(String::strip).toArray(String[]::new))
			.toList();
		List<Caller> callers = Arrays.stream(rows.get(0)).skip(FIXED_COLUMNS).map(Caller::ofColumn).toList();
		if (callers.size() != Caller.values().length) {
			throw new IllegalStateException("The matrix needs one column per caller: " + Arrays.toString(Caller.values()));
		}
		List<Entry> entries = new ArrayList<>();
		for (String[] row : rows.subList(1, rows.size())) {
			if (row.length != FIXED_COLUMNS + callers.size()) {
				throw new IllegalStateException("Wrong number of cells in " + String.join(",", row));
			}
			Map<Caller, Boolean> allowed = new EnumMap<>(Caller.class);
			for (int i = 0; i < callers.size(); i++) {
				allowed.put(callers.get(i), cell(row[FIXED_COLUMNS + i], row));
			}
			entries.add(new Entry(row[0], row[1], row[2], allowed));
		}
		return new PermissionMatrix(List.copyOf(entries));
	}

	private static boolean cell(String value, String[] row) {
		return switch (value) {
			case "+" -> true;
			case "-" -> false;
			default -> throw new IllegalStateException("Cells are + or -, not '" + value + "', in " + String.join(",", row));
		};
	}

	/** One line of the matrix. */
	record Entry(String method, String pattern, String variant, Map<Caller, Boolean> allowed) {

		/** The handler's address, e.g. {@code POST /api/v1/teams}. */
		String endpoint() {
			return this.method + " " + this.pattern;
		}

		/** The endpoint and its variant, e.g. {@code POST /api/v1/exceptions [grant]}. */
		String key() {
			return this.variant.isEmpty() ? endpoint() : endpoint() + " [" + this.variant + "]";
		}

		boolean isApi() {
			return this.pattern.startsWith("/api/");
		}

		boolean allows(Caller caller) {
			return this.allowed.get(caller);
		}

		@Override
		public String toString() {
			return key();
		}
	}
}
