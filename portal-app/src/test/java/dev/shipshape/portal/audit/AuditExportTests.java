package dev.shipshape.portal.audit;

import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Exports of the trail as CSV and JSON lines, with the filters of the list. */
@SpringBootTest
@AutoConfigureMockMvc
class AuditExportTests {

	static final String TRICKY = "=HYPERLINK(\"https://evil.example\"), \"quoted\", and\na second line";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	UserAccounts accounts;

	@BeforeEach
	void teamWithTrickyText() {
		TestUsers.ensure(this.accounts, "ax-sre", Role.SRE);
		TestUsers.ensure(this.accounts, "ax-viewer", Role.VIEWER);
		if (this.catalog.findTeam("ax-tricky").isEmpty()) {
			this.catalog.createTeam(new TeamForm("ax-tricky", "Tricky, \"quoted\"", null, null, TRICKY, null, List.of(), null));
			TeamForm changed = new TeamForm("ax-tricky", "Tricky", null, null, TRICKY, null, List.of(), null);
			this.catalog.updateTeam("ax-tricky", changed);
		}
	}

	@Test
	void csvHasAHeaderAndOneRecordPerEventThatSpreadsheetsReadSafely() {
		MvcTestResult export = export("csv", "&objectType=team&objectId=ax-tricky&order=oldest");

		assertThat(export).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
		assertThat(export.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment; filename=\"audit-")
			.endsWith(".csv\"");
		List<List<String>> rows = Csv.parse(body(export));
		assertThat(rows.get(0)).containsExactly("id", "occurred_at", "actor", "actor_kind", "token_id", "action",
				"object_type", "object_id", "summary", "before", "after", "request_id", "client_address");
		assertThat(rows).hasSize(3);
		assertThat(rows.get(1)).element(5).isEqualTo("team.created");
		assertThat(rows.get(2)).element(5).isEqualTo("team.updated");
		assertThat(rows.get(2)).element(8).isEqualTo("Changed team 'ax-tricky': displayName");
		JsonNode before = JsonMapper.shared().readTree(rows.get(2).get(9));
		JsonNode after = JsonMapper.shared().readTree(rows.get(2).get(10));
		assertThat(before.get("displayName").stringValue()).isEqualTo("Tricky, \"quoted\"");
		assertThat(after.get("displayName").stringValue()).isEqualTo("Tricky");
		assertThat(after.get("description").stringValue()).isEqualTo(TRICKY);
	}

	@Test
	void csvNeutralisesFieldsThatASpreadsheetWouldRunAsFormulas() {
		String name = "=cmd|'/C,calc'!A0";
		assertThat(this.mvc.get()
			.uri("/api/v1/services")
			.with(httpBasic(name, "wrong"))
			.with((request) -> {
				request.setRemoteAddr("10.1.2.3");
				return request;
			})
			.exchange()).hasStatus(HttpStatus.UNAUTHORIZED);

		List<List<String>> rows = Csv.parse(body(export("csv", "&action=sign_in.failed&objectId=" + encode(name))));

		assertThat(rows).hasSize(2);
		assertThat(rows.get(1)).element(7).isEqualTo("'" + name);
		assertThat(rows.get(1)).element(12).isEqualTo("10.1.2.3");
	}

	@Test
	void jsonLinesHoldOneEventObjectPerLineWithBeforeAndAfterAsObjects() {
		MvcTestResult export = export("jsonl", "&action=team.*&objectId=AX-TRICKY");

		assertThat(export).hasStatusOk().hasContentType("application/jsonl;charset=UTF-8");
		List<JsonNode> lines = body(export).lines().map(JsonMapper.shared()::readTree).toList();
		assertThat(lines).extracting((line) -> line.get("action").stringValue())
			.containsExactly("team.updated", "team.created");
		assertThat(lines.get(1).get("before").isNull()).isTrue();
		assertThat(lines.get(1).get("after").get("description").stringValue()).isEqualTo(TRICKY);
		assertThat(lines.get(0).get("actor").stringValue()).isEqualTo("system");
		assertThat(lines.get(0).get("occurredAt").stringValue()).endsWith("Z");
	}

	@Test
	void anAdministratorOrSreExportsAndOthersAreRefused() {
		assertThat(this.mvc.get().uri("/api/v1/audit/export?format=csv").with(httpBasic("ax-viewer", TestUsers.PASSWORD))
			.exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(export("xml", "")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("format");
		assertThat(this.mvc.get().uri("/audit/export?format=jsonl&objectId=ax-tricky").with(page("ax-sre", "SRE")).exchange())
			.hasStatusOk()
			.hasContentType("application/jsonl;charset=UTF-8");
	}

	private MvcTestResult export(String format, String filters) {
		return this.mvc.get()
			.uri(URI.create("/api/v1/audit/export?format=" + format + filters))
			.with(httpBasic("ax-sre", TestUsers.PASSWORD))
			.exchange();
	}

	private static RequestPostProcessor page(String username, String role) {
		return user(username).roles(role);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString();
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Just enough of RFC 4180 to read the export back. */
	static final class Csv {

		static List<List<String>> parse(String text) {
			List<List<String>> rows = new ArrayList<>();
			List<String> row = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			boolean quoted = false;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (quoted) {
					if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else if (c == '"') {
						quoted = false;
					}
					else {
						field.append(c);
					}
				}
				else if (c == '"') {
					quoted = true;
				}
				else if (c == ',') {
					row.add(field.toString());
					field.setLength(0);
				}
				else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					row.add(field.toString());
					field.setLength(0);
					rows.add(row);
					row = new ArrayList<>();
					i++;
				}
				else {
					field.append(c);
				}
			}
			return rows;
		}
	}
}
