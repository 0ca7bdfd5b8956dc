package dev.shipshape.portal.catalog.imports;

import java.nio.charset.StandardCharsets;

import dev.shipshape.catalog.CatalogManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The import page also works as plain form posts, and only for administrators. */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogImportPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CatalogManagement catalog;

	@Test
	void onlyAdministratorsOpenTheImportPage() {
		assertThat(this.mvc.get().uri("/catalog/import").with(as("page-viewer", "VIEWER")).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.get().uri("/catalog/import").with(as("page-admin", "ADMIN")).exchange()).hasStatusOk()
			.bodyText()
			.contains("id=\"import-form\"", "Preview", "Apply");
	}

	@Test
	void aPlainPreviewRendersThePageAndApplyingRedirectsWithASummary() {
		MvcTestResult preview = post("/catalog/import/preview", "plain", false);

		assertThat(preview).hasStatusOk().bodyText().contains("<html", "Preview of source pages-plain",
				"data-status=\"created\"", "Nothing has been written yet");
		assertThat(this.catalog.findService("plain-ledger")).isEmpty();

		MvcTestResult applied = post("/catalog/import/apply", "plain", false);

		assertThat(applied).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/catalog/import");
		assertThat(applied).flash()
			.containsEntry("flash", "Imported source 'pages-plain': 3 created, 0 updated, 0 removed, 0 unchanged, "
					+ "1 skipped, 0 kept as edited by hand.");
		assertThat(this.catalog.findService("plain-ledger")).isPresent();
	}

	@Test
	void anHtmxPreviewAnswersOnlyTheResult() {
		MvcTestResult preview = post("/catalog/import/preview", "htmx", true);

		assertThat(preview).hasStatusOk().bodyText().contains("id=\"import-outcome\"", "3 created").doesNotContain("<html");
	}

	@Test
	void everyoneSignedInDownloadsTheExport() {
		MvcTestResult export = this.mvc.get().uri("/catalog/export").with(as("page-viewer", "VIEWER")).exchange();

		assertThat(export).hasStatusOk().hasHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"catalog.yaml\"");
	}

	private MvcTestResult post(String path, String prefix, boolean htmx) {
		MockMultipartFile file = new MockMultipartFile("files", "catalog-info.yaml", "application/yaml",
				CatalogImportApiTests.PAYMENTS.formatted(prefix).getBytes(StandardCharsets.UTF_8));
		var request = this.mvc.post().uri(path).with(as("page-admin", "ADMIN")).with(csrf()).multipart().file(file)
			.param("source", "pages-" + prefix);
		return htmx ? request.header("HX-Request", "true").exchange() : request.exchange();
	}

	private static RequestPostProcessor as(String username, String role) {
		return user(username).roles(role);
	}
}
