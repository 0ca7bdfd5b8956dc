package dev.shipshape.portal.security;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fingerprint of what a refused request must leave as it was: the catalog, facts, scorecards,
 * releases and gate decisions, exceptions, tokens and accounts. Results, sessions, sign-in records
 * and the expiry watch's marks on exceptions are left out: they change on their own.
 */
final class DataSnapshot {

	private static final List<String> TABLES = List.of("teams", "people", "team_members", "services", "service_tags",
			"service_links", "service_dependencies", "service_facts", "scorecards", "scorecard_drafts",
			"scorecard_versions", "releases", "readiness_decisions", "exceptions", "exception_events", "api_tokens",
			"api_token_scopes", "user_accounts", "user_account_roles");

	/** Columns the portal's background jobs update while a test runs. */
	private static final Map<String, String> BACKGROUND_COLUMNS = Map.of("exceptions",
			"ARRAY['expiry_handled', 'expiring_notified']");

	private DataSnapshot() {
	}

	static String of(JdbcClient jdbc) {
		return TABLES.stream()
			.map((table) -> jdbc.sql("SELECT coalesce(md5(string_agg(r, '|' ORDER BY r)), '') FROM (SELECT (to_jsonb(t) - "
					+ BACKGROUND_COLUMNS.getOrDefault(table, "ARRAY[]::text[]") + ")::text AS r FROM " + table + " t) rows")
				.query(String.class)
				.single())
			.collect(Collectors.joining(","));
	}
}
