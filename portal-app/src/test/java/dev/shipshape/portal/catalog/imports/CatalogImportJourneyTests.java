package dev.shipshape.portal.catalog.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
import dev.shipshape.testsupport.browser.Browser;
import dev.shipshape.testsupport.browser.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator uploads descriptors, previews them, applies them and reads the summary. */
@BrowserTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CatalogImportJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	UserAccounts accounts;

	@BeforeEach
	void administrator() {
		TestUsers.ensure(this.accounts, "import-journey-admin", Role.ADMIN);
	}

	@Test
	void previewsAppliesAndShowsTheSummary(Browser browser, @TempDir Path folder) throws IOException {
		Path descriptors = Files.writeString(folder.resolve("catalog-info.yaml"),
				CatalogImportApiTests.PAYMENTS.formatted("journey"));
		browser.at("http://localhost:" + this.port).signIn("import-journey-admin", TestUsers.PASSWORD);

		browser.click(By.linkText("Import"));
		browser.type(By.id("source"), "github.com/acme/journey");
		browser.driver().findElement(By.id("files")).sendKeys(descriptors.toString());
		browser.click(By.id("preview-button"));

		assertThat(browser.waitForText(By.id("import-summary"), "3 created")).contains("1 skipped");
		assertThat(browser.findAll(By.cssSelector("#import-table tr[data-status=created]"))).hasSize(3);
		assertThat(browser.text(By.id("import-ready"))).contains("Nothing has been written yet");
		assertThat(this.catalog.findService("journey-ledger")).isEmpty();

		browser.click(By.id("apply-button"));

		assertThat(browser.waitForText(By.id("import-outcome"), "Imported source github.com/acme/journey"))
			.contains("3 created");
		assertThat(browser.text(By.id("import-done"))).contains("Done");
		// The summary links every imported entry; follow the service's link (it may sit below the fold).
		browser.driver().get(browser.waitFor(By.linkText("journey-ledger")).getAttribute("href"));
		assertThat(browser.text(By.id("service-owner"))).contains("Payments");
	}

	@Test
	void aBrokenUploadIsRefusedWithItsLine(Browser browser) {
		browser.at("http://localhost:" + this.port).signIn("import-journey-admin", TestUsers.PASSWORD);
		browser.open("/catalog/import");
		browser.type(By.id("source"), "pasted-journey");
		browser.type(By.id("yaml"), "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: bad name\n");

		browser.click(By.id("apply-button"));

		assertThat(browser.waitForText(By.id("import-problems"), "Refused")).contains("pasted.yaml, document 1, line 4")
			.contains("metadata.name");
		assertThat(this.catalog.findService("bad name")).isEmpty();
	}
}
