package dev.shipshape.portal.security;

import java.util.List;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Links of the catalog become clickable addresses on every service page, so only http(s) and
 * mailto links are accepted, whichever way they come: the API, the service form, or a descriptor.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UnsafeLinkTests {

	private static final String ADMIN = "link-admin";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	CatalogManagement catalog;

	@BeforeEach
	void team() {
		TestUsers.ensure(this.accounts, ADMIN, Role.ADMIN);
		if (this.catalog.findTeam("link-team").isEmpty()) {
			this.catalog.createTeam(new TeamForm("link-team", null, null, null, null, null, List.of(), null));
		}
	}

	static Stream<String> unsafe() {
		return Stream.of("javascript:alert(1)", "JavaScript:alert(document.cookie)", " javascript:alert(1)",
				"javascript://example.com/%0Aalert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
				"//evil.example/runbook", "runbooks.example/no-scheme", "file:///etc/passwd");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unsafe")
	void theApiRefusesTheLink(String url) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(MockMvcRequestBuilders.post("/api/v1/services")
			.with(httpBasic(ADMIN, TestUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "link-api", "owner": "link-team", "links": [{"type": "runbook", "url": %s}]}"""
				.formatted(json(url)))).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.getContentAsString(), "$.errors[0].field")).isEqualTo("links[0].url");
		assertThat(this.catalog.findService("link-api")).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unsafe")
	void theServiceFormRefusesTheLink(String url) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(MockMvcRequestBuilders.post("/services")
			.with(user(this.accounts.passwordAccount(ADMIN)))
			.with(csrf())
			.param("name", "link-page")
			.param("owner", "link-team")
			.param("runbookUrl", url)).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("must be an http(s) or mailto URL");
		assertThat(this.catalog.findService("link-page")).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unsafe")
	void anImportRefusesTheLink(String url) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(MockMvcRequestBuilders
			.post("/api/v1/catalog/import?source=link-import&dryRun=false")
			.with(httpBasic(ADMIN, TestUsers.PASSWORD))
			.contentType("application/yaml")
			.content("""
					apiVersion: backstage.io/v1alpha1
					kind: Component
					metadata:
					  name: link-imported
					  links:
					    - url: %s
					      title: Runbook
					spec:
					  type: service
					  owner: link-team
					  lifecycle: production
					""".formatted(json(url)))).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString()).contains("links[0].url");
		assertThat(this.catalog.findService("link-imported")).isEmpty();
	}

	/** A JSON string, which is also a YAML string. */
	private static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}
}
