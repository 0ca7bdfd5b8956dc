package dev.shipshape.portal.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.servlet.RequestDispatcher;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static dev.shipshape.portal.security.MatrixFixtures.PERSON;
import static dev.shipshape.portal.security.MatrixFixtures.RELEASE;
import static dev.shipshape.portal.security.MatrixFixtures.SCORECARD;
import static dev.shipshape.portal.security.MatrixFixtures.SERVICE;
import static dev.shipshape.portal.security.MatrixFixtures.TEAM;
import static dev.shipshape.portal.security.MatrixFixtures.unique;

/**
 * A harmless request for every line of the permission matrix: valid enough to get past binding and
 * validation (so that only security can refuse it), and either changing nothing (a stale version,
 * a dry run, nothing to publish) or changing an entry made for this one call.
 */
final class MatrixRequests {

	private static final String SVC = "/api/v1/services/" + SERVICE;

	private static final String REL = SVC + "/releases/" + RELEASE;

	private static final String CARD = "/api/v1/scorecards/" + SCORECARD;

	private static final String DESCRIPTOR = """
			apiVersion: backstage.io/v1alpha1
			kind: Group
			metadata:
			  name: pm-imported
			spec:
			  type: team
			  children: []
			""";

	private static final String REASONS = "\"reason\": \"The suite is flaky\", \"riskAssessment\": \"Low\", "
			+ "\"followUp\": \"https://tickets.example/PM-2\"";

	private static final Map<String, Function<MatrixFixtures, AbstractMockHttpServletRequestBuilder<?>>> REQUESTS = new LinkedHashMap<>();

	static {
		catalogApi();
		scorecardApi();
		releaseAndExceptionApi();
		tokenApi();
		catalogPages();
		scorecardPages();
		releaseAndExceptionPages();
		otherPages();
	}

	private MatrixRequests() {
	}

	static Set<String> keys() {
		return REQUESTS.keySet();
	}

	/** The request for a line of the matrix, without a caller. */
	static AbstractMockHttpServletRequestBuilder<?> of(String key, MatrixFixtures fixtures) {
		Function<MatrixFixtures, AbstractMockHttpServletRequestBuilder<?>> request = REQUESTS.get(key);
		if (request == null) {
			throw new IllegalStateException("MatrixRequests has no request for " + key);
		}
		return request.apply(fixtures);
	}

	private static void catalogApi() {
		get("GET /api/v1/services", "/api/v1/services?owner=" + TEAM);
		get("GET /api/v1/services/{name}", SVC);
		get("GET /api/v1/services/{name}/dependents", SVC + "/dependents");
		get("GET /api/v1/services/{name}/dependencies", SVC + "/dependencies");
		put("POST /api/v1/services", (f) -> json(HttpMethod.POST, "/api/v1/services",
				"{\"name\": \"%s\", \"owner\": \"%s\"}".formatted(unique("pm-new"), TEAM)));
		put("PUT /api/v1/services/{name}", (f) -> json(HttpMethod.PUT, SVC,
				"{\"name\": \"%s\", \"owner\": \"%s\", \"version\": 999999}".formatted(SERVICE, TEAM)));
		put("PATCH /api/v1/services/{name}", (f) -> MockMvcRequestBuilders.patch(SVC)
			.contentType("application/merge-patch+json")
			.content("{\"description\": \"Patched by the permission matrix\"}"));
		put("DELETE /api/v1/services/{name}", (f) -> MockMvcRequestBuilders.delete("/api/v1/services/" + f.freshService()));
		get("GET /api/v1/services/{name}/facts", SVC + "/facts");
		put("PUT /api/v1/services/{name}/facts", (f) -> json(HttpMethod.PUT, SVC + "/facts", "{\"coverage\": 80}"));
		put("PATCH /api/v1/services/{name}/facts", (f) -> json(HttpMethod.PATCH, SVC + "/facts", "{\"coverage\": 81}"));
		get("GET /api/v1/services/{name}/scorecards", SVC + "/scorecards");
		get("GET /api/v1/teams", "/api/v1/teams");
		get("GET /api/v1/teams/{name}", "/api/v1/teams/" + TEAM);
		put("POST /api/v1/teams", (f) -> json(HttpMethod.POST, "/api/v1/teams", "{\"name\": \"%s\"}".formatted(unique("pm-new"))));
		put("PUT /api/v1/teams/{name}", (f) -> json(HttpMethod.PUT, "/api/v1/teams/" + TEAM,
				"{\"name\": \"%s\", \"members\": [\"%s\"], \"version\": 999999}".formatted(TEAM, PERSON)));
		put("DELETE /api/v1/teams/{name}", (f) -> MockMvcRequestBuilders.delete("/api/v1/teams/" + f.freshTeam()));
		get("GET /api/v1/people", "/api/v1/people");
		get("GET /api/v1/people/{name}", "/api/v1/people/" + PERSON);
		put("POST /api/v1/people", (f) -> json(HttpMethod.POST, "/api/v1/people", "{\"name\": \"%s\"}".formatted(unique("pm-new"))));
		put("PUT /api/v1/people/{name}", (f) -> json(HttpMethod.PUT, "/api/v1/people/" + PERSON,
				"{\"name\": \"%s\", \"version\": 999999}".formatted(PERSON)));
		put("DELETE /api/v1/people/{name}", (f) -> MockMvcRequestBuilders.delete("/api/v1/people/" + f.freshPerson()));
		put("POST /api/v1/catalog/import [yaml]", (f) -> MockMvcRequestBuilders
			.post("/api/v1/catalog/import?source=pm-matrix&dryRun=true")
			.contentType("application/yaml")
			.content(DESCRIPTOR));
		put("POST /api/v1/catalog/import [multipart]", (f) -> MockMvcRequestBuilders.multipart("/api/v1/catalog/import")
			.file(new MockMultipartFile("files", "catalog-info.yaml", "application/yaml",
					DESCRIPTOR.getBytes(StandardCharsets.UTF_8)))
			.param("source", "pm-matrix")
			.param("dryRun", "true"));
		get("GET /api/v1/catalog/export", "/api/v1/catalog/export?owner=" + TEAM);
	}

	private static void scorecardApi() {
		get("GET /api/v1/scorecards", "/api/v1/scorecards");
		get("GET /api/v1/scorecards/{key}", CARD);
		get("GET /api/v1/scorecards/{key}/draft", CARD + "/draft");
		get("GET /api/v1/scorecards/{key}/versions", CARD + "/versions");
		get("GET /api/v1/scorecards/{key}/versions/{number}", CARD + "/versions/1");
		get("GET /api/v1/scorecards/{key}/diff", CARD + "/diff?from=1");
		get("GET /api/v1/scorecards/{key}/evaluation", CARD + "/evaluation");
		put("POST /api/v1/scorecards", (f) -> json(HttpMethod.POST, "/api/v1/scorecards", """
				{"key": "%s", "name": "Matrix", "ownerTeam": "%s",
				 "levels": [{"key": "bronze", "name": "Minimum bar", "blocking": true}]}""".formatted(unique("pm-new"), TEAM)));
		// A stale lockVersion: refused with 409 once past security, and nothing is saved.
		put("PUT /api/v1/scorecards/{key}/draft", (f) -> json(HttpMethod.PUT, CARD + "/draft", """
				{"name": "Permission matrix", "ownerTeam": "%s", "lockVersion": -1,
				 "levels": [{"key": "bronze", "name": "Minimum bar", "blocking": true}], "rules": []}""".formatted(TEAM)));
		put("POST /api/v1/scorecards/{key}/preview", (f) -> MockMvcRequestBuilders.post(CARD + "/preview"));
		// The draft is the newest version, and version 1 is the newest: nothing to publish, 409.
		put("POST /api/v1/scorecards/{key}/publish", (f) -> json(HttpMethod.POST, CARD + "/publish", "{\"note\": \"matrix\"}"));
		put("POST /api/v1/scorecards/{key}/revert", (f) -> MockMvcRequestBuilders.post(CARD + "/revert?to=1"));
		put("POST /api/v1/scorecards/{key}/archive",
				(f) -> MockMvcRequestBuilders.post("/api/v1/scorecards/" + f.freshScorecard() + "/archive"));
	}

	private static void releaseAndExceptionApi() {
		get("GET /api/v1/releases", "/api/v1/releases?team=" + TEAM);
		get("GET /api/v1/services/{name}/releases", SVC + "/releases");
		put("POST /api/v1/services/{name}/releases", (f) -> json(HttpMethod.POST, SVC + "/releases",
				"{\"version\": \"%s\", \"commit\": \"abc123\", \"environment\": \"production\"}".formatted(unique("3.0"))));
		get("GET /api/v1/services/{name}/releases/{version}", REL);
		put("PATCH /api/v1/services/{name}/releases/{version}",
				(f) -> json(HttpMethod.PATCH, REL, "{\"facts\": {\"coverage\": 90}}"));
		get("GET /api/v1/services/{name}/releases/{version}/readiness", REL + "/readiness");
		put("POST /api/v1/services/{name}/releases/{version}/gate", (f) -> MockMvcRequestBuilders.post(REL + "/gate"));
		get("GET /api/v1/services/{name}/releases/{version}/decisions", REL + "/decisions");
		get("GET /api/v1/exceptions", "/api/v1/exceptions?service=" + SERVICE);
		put("GET /api/v1/exceptions/{id}", (f) -> MockMvcRequestBuilders.get("/api/v1/exceptions/" + f.pendingException()));
		put("POST /api/v1/exceptions", (f) -> json(HttpMethod.POST, "/api/v1/exceptions", exception(f, false)));
		put("POST /api/v1/exceptions [grant]", (f) -> json(HttpMethod.POST, "/api/v1/exceptions", exception(f, true)));
		put("POST /api/v1/exceptions/{id}/approve", (f) -> json(HttpMethod.POST,
				"/api/v1/exceptions/" + f.freshPendingException() + "/approve", "{\"comment\": \"Fine\"}"));
		put("POST /api/v1/exceptions/{id}/reject", (f) -> json(HttpMethod.POST,
				"/api/v1/exceptions/" + f.freshPendingException() + "/reject", "{\"comment\": \"Fix it\"}"));
		put("POST /api/v1/exceptions/{id}/revoke", (f) -> json(HttpMethod.POST,
				"/api/v1/exceptions/" + f.freshApprovedException() + "/revoke", "{\"reason\": \"Fixed\"}"));
		put("POST /api/v1/exceptions/{id}/extend", (f) -> json(HttpMethod.POST,
				"/api/v1/exceptions/" + f.freshApprovedException() + "/extend", "{" + REASONS + ", \"duration\": \"P1D\"}"));
	}

	private static void tokenApi() {
		get("GET /api/v1/tokens", "/api/v1/tokens");
		get("GET /api/v1/tokens/scopes", "/api/v1/tokens/scopes");
		put("POST /api/v1/tokens", (f) -> json(HttpMethod.POST, "/api/v1/tokens", "{\"name\": \"matrix\"}"));
		put("GET /api/v1/tokens/{id}", (f) -> MockMvcRequestBuilders.get("/api/v1/tokens/" + f.freshToken()));
		put("DELETE /api/v1/tokens/{id}", (f) -> MockMvcRequestBuilders.delete("/api/v1/tokens/" + f.freshToken()));
		get("GET /api/v1/service-accounts", "/api/v1/service-accounts");
		get("GET /api/v1/audit", "/api/v1/audit?objectType=service&objectId=" + SERVICE);
		get("GET /api/v1/audit/export", "/api/v1/audit/export?format=csv&objectType=service&objectId=" + SERVICE);
		get("GET /api/openapi", "/api/openapi");
		get("GET /api/openapi.yaml", "/api/openapi.yaml");
		get("GET /api/openapi/swagger-config", "/api/openapi/swagger-config");
		get("GET /api/docs", "/api/docs");
		put("POST /api/v1/service-accounts", (f) -> json(HttpMethod.POST, "/api/v1/service-accounts",
				"{\"name\": \"%s\"}".formatted(unique("pm-robot"))));
	}

	private static void catalogPages() {
		get("GET /services", "/services?owner=" + TEAM);
		get("GET /services/unowned", "/services/unowned");
		get("GET /services/{name}", "/services/" + SERVICE);
		get("GET /services/new", "/services/new");
		put("POST /services", (f) -> form("/services", "name", unique("pm-new"), "owner", TEAM));
		get("GET /services/{name}/edit", "/services/" + SERVICE + "/edit");
		put("POST /services/{name}", (f) -> form("/services/" + SERVICE, "name", SERVICE, "owner", TEAM, "version", "999999"));
		put("POST /services/{name}/delete", (f) -> form("/services/" + f.freshService() + "/delete"));
		get("GET /teams", "/teams");
		get("GET /teams/{name}", "/teams/" + TEAM);
		get("GET /teams/new", "/teams/new");
		put("POST /teams", (f) -> form("/teams", "name", unique("pm-new")));
		get("GET /teams/{name}/edit", "/teams/" + TEAM + "/edit");
		put("POST /teams/{name}", (f) -> form("/teams/" + TEAM, "name", TEAM, "members", PERSON, "version", "999999"));
		get("GET /people", "/people");
		get("GET /people/{name}", "/people/" + PERSON);
		get("GET /catalog/import", "/catalog/import");
		put("POST /catalog/import/preview", (f) -> form("/catalog/import/preview", "source", "pm-matrix", "yaml", DESCRIPTOR));
		// Nothing uploaded: refused with a message, and nothing is imported.
		put("POST /catalog/import/apply", (f) -> form("/catalog/import/apply", "source", "pm-matrix"));
		get("GET /catalog/export", "/catalog/export?owner=" + TEAM);
	}

	private static void scorecardPages() {
		String card = "/scorecards/" + SCORECARD;
		get("GET /scorecards", "/scorecards");
		get("GET /scorecards/new", "/scorecards/new");
		put("POST /scorecards", (f) -> form("/scorecards", "key", unique("pm-new"), "name", "Matrix", "ownerTeam", TEAM));
		get("GET /scorecards/{key}", card);
		get("GET /scorecards/{key}/evaluation", card + "/evaluation");
		get("GET /scorecards/{key}/versions/{number}", card + "/versions/1");
		get("GET /scorecards/{key}/diff", card + "/diff");
		get("GET /scorecards/{key}/preview", card + "/preview");
		get("GET /scorecards/{key}/draft", card + "/draft");
		get("GET /scorecards/{key}/draft/rules/new", card + "/draft/rules/new?nextRuleIndex=2");
		// Adding a row shows the form again and saves nothing.
		put("POST /scorecards/{key}/draft", (f) -> form(card + "/draft", "name", "Permission matrix", "addRule", "1"));
		put("POST /scorecards/{key}/publish", (f) -> form(card + "/publish"));
		put("POST /scorecards/{key}/revert", (f) -> form(card + "/revert", "to", "1"));
		put("POST /scorecards/{key}/archive", (f) -> form("/scorecards/" + f.freshScorecard() + "/archive"));
		get("GET /services/{name}/scorecards", "/services/" + SERVICE + "/scorecards");
		get("GET /reports/scorecards", "/reports/scorecards");
	}

	private static void releaseAndExceptionPages() {
		get("GET /releases", "/releases");
		get("GET /services/{name}/releases", "/services/" + SERVICE + "/releases");
		get("GET /services/{name}/releases/{version}", "/services/" + SERVICE + "/releases/" + RELEASE);
		get("GET /exceptions", "/exceptions");
		get("GET /exceptions/new", "/exceptions/new?service=" + SERVICE);
		get("GET /exceptions/queue", "/exceptions/queue");
		put("GET /exceptions/{id}", (f) -> MockMvcRequestBuilders.get("/exceptions/" + f.pendingException()));
		put("GET /exceptions/{id}/extend", (f) -> MockMvcRequestBuilders.get("/exceptions/" + f.pendingException() + "/extend"));
		put("POST /exceptions", (f) -> exceptionForm(f, false));
		put("POST /exceptions [grant]", (f) -> exceptionForm(f, true));
		put("POST /exceptions/{id}/approve", (f) -> form("/exceptions/" + f.freshPendingException() + "/approve", "comment", "Fine"));
		put("POST /exceptions/{id}/reject", (f) -> form("/exceptions/" + f.freshPendingException() + "/reject", "comment", "Fix it"));
		put("POST /exceptions/{id}/revoke", (f) -> form("/exceptions/" + f.freshApprovedException() + "/revoke", "comment", "Fixed"));
		put("POST /exceptions/{id}/extend", (f) -> form("/exceptions/" + f.freshApprovedException() + "/extend", "reason",
				"The suite is flaky", "riskAssessment", "Low", "followUp", "PM-3", "durationDays", "1"));
		get("GET /services/{name}/exceptions", "/services/" + SERVICE + "/exceptions");
		get("GET /teams/{name}/exceptions", "/teams/" + TEAM + "/exceptions");
	}

	private static void otherPages() {
		get("GET /", "/");
		get("GET /login", "/login");
		get("GET /account/tokens", "/account/tokens");
		get("GET /audit", "/audit?objectType=service");
		get("GET /audit/export", "/audit/export?format=jsonl&objectType=service&objectId=" + SERVICE);
		get("GET /services/{name}/history", "/services/" + SERVICE + "/history");
		get("GET /scorecards/{key}/history", "/scorecards/" + SCORECARD + "/history");
		put("GET /exceptions/{id}/history", (f) -> MockMvcRequestBuilders.get("/exceptions/" + f.pendingException() + "/history"));
		put("POST /account/tokens", (f) -> form("/account/tokens", "name", "matrix"));
		put("POST /account/tokens/{id}/revoke", (f) -> form("/account/tokens/" + f.freshToken() + "/revoke"));
		put("POST /account/service-accounts", (f) -> form("/account/service-accounts", "name", unique("pm-robot")));
		put("ANY /error [page]", (f) -> MockMvcRequestBuilders.get("/error")
			.accept(MediaType.TEXT_HTML)
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404));
		put("ANY /error [json]", (f) -> MockMvcRequestBuilders.get("/error")
			.accept(MediaType.APPLICATION_JSON)
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404));
	}

	private static String exception(MatrixFixtures fixtures, boolean grant) {
		return """
				{"service": "%s", "scorecard": "%s", "rule": "tests-passed", "release": "%s", %s, "duration": "P1D", "grant": %s}"""
			.formatted(SERVICE, SCORECARD, fixtures.freshRelease(), REASONS, grant);
	}

	private static MockHttpServletRequestBuilder exceptionForm(MatrixFixtures fixtures, boolean grant) {
		return form("/exceptions", "service", SERVICE, "scorecard", SCORECARD, "rule", "tests-passed", "release",
				fixtures.freshRelease(), "reason", "The suite is flaky", "riskAssessment", "Low", "followUp", "PM-4",
				"durationDays", "1", "grant", String.valueOf(grant));
	}

	private static void get(String key, String uri) {
		put(key, (f) -> MockMvcRequestBuilders.get(uri));
	}

	private static void put(String key, Function<MatrixFixtures, AbstractMockHttpServletRequestBuilder<?>> request) {
		if (REQUESTS.put(key, request) != null) {
			throw new IllegalStateException("Two requests for " + key);
		}
	}

	private static MockHttpServletRequestBuilder json(HttpMethod method, String uri, String body) {
		return MockMvcRequestBuilders.request(method, uri).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static MockHttpServletRequestBuilder form(String uri, String... params) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(uri)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED);
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return request;
	}
}
