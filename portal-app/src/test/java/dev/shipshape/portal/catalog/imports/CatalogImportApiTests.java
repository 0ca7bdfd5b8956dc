package dev.shipshape.portal.catalog.imports;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.OwnerKind;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

@SpringBootTest
@AutoConfigureMockMvc
class CatalogImportApiTests {

	static final String PAYMENTS = """
			apiVersion: backstage.io/v1alpha1
			kind: Group
			metadata:
			  name: %1$s-payments
			spec:
			  type: team
			  profile:
			    displayName: Payments
			  children: []
			---
			apiVersion: backstage.io/v1alpha1
			kind: User
			metadata:
			  name: %1$s.jane
			spec:
			  memberOf: [%1$s-payments]
			---
			apiVersion: backstage.io/v1alpha1
			kind: Component
			metadata:
			  name: %1$s-ledger
			  links:
			    - url: https://github.com/acme/ledger
			      title: Code
			      icon: github
			spec:
			  type: service
			  lifecycle: production
			  owner: group:default/%1$s-payments
			---
			apiVersion: backstage.io/v1alpha1
			kind: API
			metadata:
			  name: %1$s-ledger-api
			""";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	UserAccounts accounts;

	@BeforeEach
	void accounts() {
		TestUsers.ensure(this.accounts, "import-admin", Role.ADMIN);
		TestUsers.ensure(this.accounts, "import-viewer", Role.VIEWER);
	}

	@Test
	void aDryRunAnswersThePlanAndWritesNothing() {
		MvcTestResult result = yaml("import-admin", "api-dry", PAYMENTS.formatted("dry"), "&dryRun=true");

		assertThat(result).hasStatusOk().bodyJson().extractingPath("$.applied").isEqualTo(false);
		assertThat(result).bodyJson().extractingPath("$.acceptable").isEqualTo(true);
		assertThat(result).bodyJson().extractingPath("$.summary.created").isEqualTo(3);
		assertThat(result).bodyJson().extractingPath("$.entities[2].status").isEqualTo("created");
		assertThat(result).bodyJson().extractingPath("$.entities[3].status").isEqualTo("skipped");
		assertThat(this.catalog.findService("dry-ledger")).isEmpty();
	}

	@Test
	void anAdminImportsAndEveryoneExports() throws Exception {
		assertThat(yaml("import-admin", "api-apply", PAYMENTS.formatted("apply"), "")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.applied")
			.isEqualTo(true);
		assertThat(this.catalog.findService("apply-ledger").orElseThrow().owner().kind()).isEqualTo(OwnerKind.TEAM);

		MvcTestResult export = this.mvc.get()
			.uri("/api/v1/catalog/export?owner=apply-payments")
			.with(basic("import-viewer"))
			.exchange();

		assertThat(export).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_YAML);
		assertThat(export.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("name: apply-ledger")
			.contains("owner: apply-payments")
			.contains("- url: https://github.com/acme/ledger\n    title: Code\n    type: repo");
	}

	@Test
	void onlyAdministratorsImport() {
		MvcTestResult result = yaml("import-viewer", "api-viewer", PAYMENTS.formatted("viewer"), "");

		assertThat(result).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.catalog.findTeam("viewer-payments")).isEmpty();
	}

	@Test
	void anUploadWithProblemsIsRefusedWithWhereTheyAre() {
		String broken = PAYMENTS.formatted("broken").replace("name: broken-ledger", "name: broken ledger");

		for (String dryRun : new String[] { "&dryRun=true", "" }) {
			MvcTestResult result = yaml("import-admin", "api-broken", broken, dryRun);

			assertProblem(result, HttpStatus.UNPROCESSABLE_CONTENT, "import-refused");
			assertThat(result).bodyJson().extractingPath("$.problems[0].file").isEqualTo("body");
			assertThat(result).bodyJson().extractingPath("$.problems[0].document").isEqualTo(3);
			assertThat(result).bodyJson().extractingPath("$.problems[0].line").isEqualTo(21);
			assertThat(result).bodyJson().extractingPath("$.problems[0].field").isEqualTo("metadata.name");
			assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("body:21 metadata.name");
		}
		assertThat(this.catalog.findTeam("broken-payments")).isEmpty();
	}

	@Test
	void importsFilesAndFollowsLocationsWithinTheUpload() {
		MockMultipartFile location = new MockMultipartFile("files", "all.yaml", "application/yaml", """
				apiVersion: backstage.io/v1alpha1
				kind: Location
				metadata:
				  name: all
				spec:
				  targets: [./payments.yaml, https://example.com/elsewhere.yaml]
				""".getBytes(StandardCharsets.UTF_8));
		MockMultipartFile payments = new MockMultipartFile("files", "payments.yaml", "application/yaml",
				PAYMENTS.formatted("files").getBytes(StandardCharsets.UTF_8));

		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/catalog/import?source=api-files")
			.with(basic("import-admin"))
			.multipart()
			.file(location)
			.file(payments)
			.exchange();

		assertThat(result).hasStatusOk().bodyJson().extractingPath("$.summary.created").isEqualTo(3);
		assertThat(result).bodyJson()
			.extractingPath("$.entities[0].reason")
			.asString()
			.contains("imported with it (payments.yaml)")
			.contains("not fetched")
			.contains("https://example.com/elsewhere.yaml");
		assertThat(this.catalog.findPerson("files.jane")).isPresent();
	}

	@Test
	void aYamlBodyAboveTheImportLimitIsRefusedWith413() {
		byte[] huge = new byte[16 * 1024 * 1024 + 1];
		Arrays.fill(huge, (byte) '#');

		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/catalog/import?source=api-huge")
			.with(basic("import-admin"))
			.contentType(MediaType.APPLICATION_YAML)
			.content(huge)
			.exchange();

		assertProblem(result, HttpStatus.CONTENT_TOO_LARGE, "too-large");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("16384 KB");
	}

	@Test
	void exportingAnUnknownTeamIsNotFound() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/catalog/export?owner=nobody-here").with(basic("import-viewer")).exchange();

		assertProblem(result, HttpStatus.NOT_FOUND, "not-found");
	}

	private MvcTestResult yaml(String user, String source, String yaml, String parameters) {
		return this.mvc.post()
			.uri("/api/v1/catalog/import?source=" + source + parameters)
			.with(basic(user))
			.contentType(MediaType.APPLICATION_YAML)
			.content(yaml)
			.exchange();
	}

	private static RequestPostProcessor basic(String user) {
		return httpBasic(user, TestUsers.PASSWORD);
	}

	private static void assertProblem(MvcTestResult result, HttpStatus status, String type) {
		assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://shipshape.dev/problems/" + type);
	}
}
