package dev.shipshape.portal.security;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * SQL metacharacters in every filter and search parameter of the API and the pages: no error, no
 * extra rows, LIKE wildcards match only themselves, and the data stays as it was.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SqlMetacharacterTests {

	private static final String TEAM = "sqlx-team";

	private static final List<String> PAYLOADS = List.of("' OR 1=1 --", "%", "_", "\\", ";DROP TABLE services;--",
			"') OR ('1'='1", "\" OR \"\"=\"", "%' --", "*");

	private static final String USER = "sqlx-admin";

	@Autowired
	MockMvc mvc;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void servicesWithMetacharactersInTheirTitles() {
		TestUsers.ensure(this.accounts, USER, Role.ADMIN);
		if (this.catalog.findTeam(TEAM).isEmpty()) {
			this.catalog.createTeam(new TeamForm(TEAM, "SQL 100% team", null, null, null, null, List.of(), null));
			service("sqlx-percent", "Uptime 100% guaranteed");
			service("sqlx-underscore", "snake_case service");
			service("sqlx-backslash", "Lives in C:\\temp");
			service("sqlx-quote", "O'Brien's service");
			service("sqlx-plain", "Plain service");
		}
	}

	/** A text search inside one team: each metacharacter finds the one service that has it, and no other. */
	@ParameterizedTest(name = "q={0}")
	@MethodSource("searches")
	void aSearchMatchesMetacharactersLiterally(String q, List<String> expected) throws Exception {
		MockHttpServletResponse api = get("/api/v1/services", "owner", TEAM, "q", q);
		assertThat(api.getStatus()).isEqualTo(200);
		List<String> found = JsonPath.read(api.getContentAsString(), "$.items[*].name");
		assertThat(found).containsExactlyInAnyOrderElementsOf(expected);

		MockHttpServletResponse page = page("/services", "owner", TEAM, "q", q);
		assertThat(page.getStatus()).isEqualTo(200);
		for (String service : List.of("sqlx-percent", "sqlx-underscore", "sqlx-backslash", "sqlx-quote", "sqlx-plain")) {
			assertThat(page.getContentAsString().contains("/services/" + service + "\"")).as(service)
				.isEqualTo(expected.contains(service));
		}
		assertIntact();
	}

	static Stream<Arguments> searches() {
		return Stream.of(Arguments.of("%", List.of("sqlx-percent")), Arguments.of("100%", List.of("sqlx-percent")),
				Arguments.of("_", List.of("sqlx-underscore")), Arguments.of("\\", List.of("sqlx-backslash")),
				Arguments.of("'", List.of("sqlx-quote")), Arguments.of("' OR 1=1 --", List.of()),
				Arguments.of(";DROP TABLE services;--", List.of()), Arguments.of("') OR ('1'='1", List.of()),
				Arguments.of("sqlx", List.of("sqlx-percent", "sqlx-underscore", "sqlx-backslash", "sqlx-quote", "sqlx-plain")));
	}

	/** Team and person searches: every row found holds the text as it was typed. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("payloads")
	void teamAndPersonSearchesFindOnlyWhatHoldsTheText(String q) throws Exception {
		for (String list : List.of("/api/v1/teams", "/api/v1/people")) {
			MockHttpServletResponse response = get(list, "q", q, "size", "100");
			assertThat(response.getStatus()).as(list).isEqualTo(200);
			List<Map<String, Object>> rows = JsonPath.read(response.getContentAsString(), "$.items[*]");
			assertThat(rows).as(list)
				.allSatisfy((row) -> assertThat((row.get("name") + " " + row.get("displayName") + " " + row.get("email"))
					.toLowerCase()).contains(q.toLowerCase()));
		}
		List<String> teams = JsonPath.read(get("/api/v1/teams", "q", "100%").getContentAsString(), "$.items[*].name");
		assertThat(teams).contains(TEAM);
		assertIntact();
	}

	/**
	 * Every other filter and paging parameter: no server error, the query says what is wrong (400) or
	 * answers; a filter that names nothing finds nothing; and the data stays as it was.
	 */
	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("filters")
	void everyFilterTakesMetacharactersWithoutErrorOrExtraRows(String path, String parameter) throws Exception {
		boolean paging = parameter.equals("sort") || parameter.equals("page");
		for (String payload : PAYLOADS) {
			String request = path + "?" + parameter + "=" + payload;
			MockHttpServletResponse response = path.startsWith("/api/") ? get(path, parameter, payload)
					: page(path, parameter, payload);
			String body = response.getContentAsString();
			assertThat(response.getStatus()).as(request).isIn(200, 400, 404);
			assertThat(body).as(request)
				.doesNotContain("SQLException", "org.postgresql", "Something went wrong")
				.doesNotContainIgnoringCase("syntax error");
			if (response.getStatus() == 200 && !paging && body.startsWith("{\"items\"")) {
				assertThat((Integer) JsonPath.read(body, "$.totalItems")).as(request).isZero();
			}
			if (response.getStatus() == 200 && body.startsWith("[")) {
				assertThat(body).as(request).isEqualTo("[]");
			}
		}
		assertIntact();
	}

	static Stream<String> payloads() {
		return PAYLOADS.stream();
	}

	static Stream<Arguments> filters() {
		return Stream.of(Arguments.of("/api/v1/services", "owner"), Arguments.of("/api/v1/services", "tag"),
				Arguments.of("/api/v1/services", "lifecycle"), Arguments.of("/api/v1/services", "tier"),
				Arguments.of("/api/v1/services", "unowned"), Arguments.of("/api/v1/services", "sort"),
				Arguments.of("/api/v1/services", "page"), Arguments.of("/api/v1/teams", "sort"),
				Arguments.of("/api/v1/people", "sort"), Arguments.of("/api/v1/releases", "team"),
				Arguments.of("/api/v1/releases", "service"), Arguments.of("/api/v1/releases", "environment"),
				Arguments.of("/api/v1/releases", "verdict"), Arguments.of("/api/v1/exceptions", "status"),
				Arguments.of("/api/v1/exceptions", "team"), Arguments.of("/api/v1/exceptions", "service"),
				Arguments.of("/api/v1/exceptions", "scorecard"), Arguments.of("/api/v1/exceptions", "expiringWithinDays"),
				Arguments.of("/api/v1/catalog/export", "owner"), Arguments.of("/api/v1/scorecards", "archived"),
				Arguments.of("/api/v1/tokens", "account"), Arguments.of("/services", "owner"), Arguments.of("/services", "tag"),
				Arguments.of("/services", "lifecycle"), Arguments.of("/services", "tier"), Arguments.of("/services", "sort"),
				Arguments.of("/services/unowned", "q"), Arguments.of("/teams", "q"), Arguments.of("/teams", "sort"), Arguments.of("/people", "q"),
				Arguments.of("/people", "sort"),
				Arguments.of("/releases", "team"), Arguments.of("/releases", "service"),
				Arguments.of("/releases", "environment"), Arguments.of("/releases", "verdict"),
				Arguments.of("/exceptions", "status"), Arguments.of("/exceptions", "team"),
				Arguments.of("/exceptions", "service"), Arguments.of("/exceptions", "scorecard"),
				Arguments.of("/exceptions", "expiringWithinDays"), Arguments.of("/reports/scorecards", "scorecard"),
				Arguments.of("/reports/scorecards", "team"), Arguments.of("/reports/scorecards", "tier"),
				Arguments.of("/reports/scorecards", "lifecycle"), Arguments.of("/reports/scorecards", "page"),
				Arguments.of("/catalog/export", "owner"), Arguments.of("/scorecards", "archived"));
	}

	private void service(String name, String title) {
		this.catalog.createService(new ServiceForm(name, title, null, TEAM, 3, "production", null, List.of(), List.of(),
				List.of(), null));
	}

	private MockHttpServletResponse get(String path, String... parameters) throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.get(path)
			.queryParams(query(parameters))
			.with(httpBasic(USER, TestUsers.PASSWORD)))
			.andReturn()
			.getResponse();
	}

	private MockHttpServletResponse page(String path, String... parameters) throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.get(path)
			.queryParams(query(parameters))
			.with(user(this.accounts.passwordAccount(USER))))
			.andReturn()
			.getResponse();
	}

	private static MultiValueMap<String, String> query(String... parameters) {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		for (int i = 0; i < parameters.length; i += 2) {
			query.add(parameters[i], parameters[i + 1]);
		}
		return query;
	}

	private void assertIntact() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM services s JOIN teams t ON t.id = s.owner_team_id WHERE t.name = :team")
			.param("team", TEAM)
			.query(Integer.class)
			.single()).isEqualTo(5);
		assertThat(this.catalog.findService("sqlx-quote").orElseThrow().title()).isEqualTo("O'Brien's service");
	}
}
