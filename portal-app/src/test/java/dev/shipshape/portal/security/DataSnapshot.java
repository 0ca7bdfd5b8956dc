package dev.shipshape.portal.security;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fingerprint of what a refused request must leave as it was: the catalog, facts, scorecards,
 * releases and gate decisions, exceptions, tokens and accounts. Results, sessions and sign-in
 * records are left out: they change on their own.
 */
final class DataSnapshot {

	private static final List<String> TABLES = List.of("teams", "people", "team_members", "services", "service_tags",
			"service_links", "service_dependencies", "service_facts", "scorecards", "scorecard_drafts",
			"scorecard_versions", "releases", "readiness_decisions", "exceptions", "exception_events", "api_tokens",
			"api_token_scopes", "user_accounts", "user_account_roles");

	private DataSnapshot() {
	}

	static String of(JdbcClient jdbc) {
		return TABLES.stream()
			.map((table) -> jdbc.sql("SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM " + table + " t")
				.query(String.class)
				.single())
			.collect(Collectors.joining(","));
	}
}
