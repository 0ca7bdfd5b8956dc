package dev.shipshape.bench.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.shipshape.scorecard.Subject;

/**
 * The subjects of the rule-engine comparison, generated in Java exactly as
 * {@code shared/bench/rule-engines/gen-subjects.mjs} generates them, so that benchmarks and tests
 * need neither Node nor the generated file. Numbers come out the way a JSON parser returns them:
 * whole numbers as {@code Integer}, others as {@code Double}.
 */
public final class BaselineSubjects {

	private static final String[] TAGS = { "java", "go", "payments", "search", "edge", "batch", "ml", "internal" };

	private static final String[] LIFECYCLES = { "production", "production", "production", "experimental",
			"deprecated" };

	// JavaScript numbers are doubles: the generator's LCG must run in double arithmetic to match it.
	private double seed = 42;

	private BaselineSubjects() {
	}

	/** The first {@code count} subjects, each a service with one release. */
	public static List<Subject> generate(int count) {
		BaselineSubjects generator = new BaselineSubjects();
		List<Subject> subjects = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			subjects.add(generator.next(i));
		}
		return subjects;
	}

	private Subject next(int i) {
		List<String> tags = new ArrayList<>();
		for (String tag : TAGS) {
			if (rnd() < 0.25) {
				tags.add(tag);
			}
		}
		Map<String, Object> service = new LinkedHashMap<>();
		service.put("name", "svc-" + i);
		service.put("owner", maybe(0.93, "team-" + (i % 700)));
		service.put("tier", number(1 + Math.floor(rnd() * 4)));
		service.put("lifecycle", LIFECYCLES[(int) Math.floor(rnd() * LIFECYCLES.length)]);
		service.put("tags", tags);
		service.put("links", links(i));
		service.put("facts", serviceFacts());
		Map<String, Object> release = new LinkedHashMap<>();
		release.put("version", "1." + (i % 50) + "." + (i % 7));
		release.put("facts", releaseFacts(i));
		return Subject.of(service, release);
	}

	private Map<String, Object> links(int i) {
		Map<String, Object> links = new LinkedHashMap<>();
		links.put("runbook", maybe(0.8, "https://runbooks.example/svc-" + i));
		links.put("oncall", maybe(0.85, "https://oncall.example/svc-" + i));
		links.put("repo", maybe(0.97, "https://git.example/org/svc-" + i));
		links.put("dashboard", maybe(0.6, "https://dash.example/svc-" + i));
		return links;
	}

	private Map<String, Object> serviceFacts() {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("coverage", number(Math.round(rnd() * 1000) / 10.0));
		facts.put("criticalVulns", number((rnd() < 0.85) ? 0 : 1 + Math.floor(rnd() * 3)));
		facts.put("highVulns", number(Math.floor(rnd() * 9)));
		facts.put("sloDefined", rnd() < 0.7);
		facts.put("lastDeployDays", number(Math.floor(rnd() * 200)));
		facts.put("openIncidents", number(Math.floor(rnd() * 7)));
		facts.put("mttrMinutes", number(Math.floor(rnd() * 120)));
		facts.put("buildSuccessRate", number(Math.round((0.85 + rnd() * 0.15) * 1000) / 1000.0));
		facts.put("hasReadme", rnd() < 0.9);
		facts.put("branchProtection", rnd() < 0.8);
		facts.put("dependencyAgeDays", number(Math.floor(rnd() * 700)));
		return facts;
	}

	private Map<String, Object> releaseFacts(int i) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("testsPassed", rnd() < 0.9);
		facts.put("coverage", number(Math.round(rnd() * 1000) / 10.0));
		facts.put("criticalVulns", number((rnd() < 0.9) ? 0 : 1));
		facts.put("changeTicket", maybe(0.8, "CHG-" + i));
		facts.put("approvals", number(Math.floor(rnd() * 4)));
		return facts;
	}

	private double rnd() {
		this.seed = (this.seed * 1103515245 + 12345) % 2147483648.0;
		return this.seed / 2147483648.0;
	}

	private String maybe(double probability, String value) {
		return (rnd() < probability) ? value : "";
	}

	private static Object number(double value) {
		boolean whole = value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE;
		return whole ? (Object) (int) value : (Object) value;
	}

}
