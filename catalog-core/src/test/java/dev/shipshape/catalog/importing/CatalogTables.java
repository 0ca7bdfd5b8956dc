package dev.shipshape.catalog.importing;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/** The catalog's tables, to start a test empty and to tell whether a refused request wrote anything. */
final class CatalogTables {

	private static final List<String> TABLES = List.of("teams", "people", "team_members", "services", "service_tags",
			"service_links", "service_dependencies", "catalog_pending_references");

	private CatalogTables() {
	}

	static void empty(JdbcTemplate jdbc) {
		jdbc.execute("truncate " + String.join(", ", TABLES) + " cascade");
	}

	/** A digest of every row of every catalog table. */
	static String fingerprint(JdbcTemplate jdbc) {
		return TABLES.stream()
			.map((table) -> jdbc.queryForObject(
					"select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from " + table + " t", String.class))
			.collect(Collectors.joining(","));
	}
}
