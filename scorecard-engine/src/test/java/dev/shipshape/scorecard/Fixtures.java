package dev.shipshape.scorecard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scorecards and subjects for tests. */
final class Fixtures {

	static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	/** Shared: building the CEL environment is the slow part of a test. */
	static final ScorecardCompiler COMPILER = new ScorecardCompiler();

	static final List<Level> LEVELS = List.of(new Level("bronze", "Minimum bar", true), new Level("silver", "Silver", false),
			new Level("gold", "Gold", false));

	private Fixtures() {
	}

	static Rule rule(String key, String level, String expression) {
		return new Rule(key, "Title of " + key, null, level, expression, "Fix " + key, null);
	}

	static Scorecard scorecard(Rule... rules) {
		return new Scorecard("test", "Test", null, null, LEVELS, List.of(rules));
	}

	static CompiledScorecard compile(Rule... rules) {
		return COMPILER.compile(scorecard(rules));
	}

	static CompiledScorecard compileExpression(String expression) {
		return compile(rule("r", "bronze", expression));
	}

	/** A service the way the portal passes one: JSON-like values, whole numbers as Integer. */
	static Map<String, Object> service() {
		Map<String, Object> links = new LinkedHashMap<>();
		links.put("repo", "https://git.example/org/payments");
		links.put("runbook", "https://runbooks.example/payments");
		links.put("oncall", "https://oncall.example/payments");
		links.put("dashboard", "");
		links.put("docs", "");
		links.put("chat", "#payments");
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("coverage", 83.5);
		facts.put("criticalVulnerabilities", 0);
		facts.put("highVulnerabilities", 2);
		facts.put("sloDefined", true);
		facts.put("lastDeployedAt", "2026-05-20T08:00:00Z");
		Map<String, Object> service = new LinkedHashMap<>();
		service.put("name", "payments");
		service.put("title", "Payments");
		service.put("description", "Takes the money");
		service.put("owner", "team-a");
		service.put("tier", 1);
		service.put("lifecycle", "production");
		service.put("system", "checkout");
		service.put("tags", new ArrayList<>(List.of("java", "payments")));
		service.put("links", links);
		service.put("facts", facts);
		return service;
	}

	static Map<String, Object> release() {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("testsPassed", true);
		facts.put("coverage", 71.2);
		facts.put("criticalVulnerabilities", 0);
		facts.put("changeTicket", "CHG-42");
		Map<String, Object> release = new LinkedHashMap<>();
		release.put("version", "1.4.2");
		release.put("commit", "9f1c2ab");
		release.put("environment", "production");
		release.put("createdAt", "2026-06-01T10:00:00Z");
		release.put("facts", facts);
		return release;
	}

	static Map<String, Object> owner() {
		Map<String, Object> owner = new HashMap<>();
		owner.put("name", "team-a");
		owner.put("displayName", "Team A");
		owner.put("email", "team-a@example.com");
		owner.put("chat", "#team-a");
		return owner;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> facts(Map<String, Object> holder) {
		return (Map<String, Object>) holder.get("facts");
	}

	static Subject subject() {
		return new Subject(service(), release(), owner());
	}

	static RuleResult only(Evaluation evaluation) {
		return evaluation.results().get(0);
	}

	static RuleResult evaluateOne(String expression, Subject subject) {
		return only(compileExpression(expression).evaluate(subject, List.of(), NOW));
	}

}
