package dev.shipshape.portal.audit;

import java.util.List;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** The trail is append-only, and written in the transaction of the change or not at all. */
@SpringBootTest
@AutoConfigureMockMvc
class AuditTrailTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AuditTrail trail;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeEach
	void accounts() {
		TestUsers.ensure(this.accounts, "at-admin", Role.ADMIN);
	}

	@Test
	void theDatabaseRefusesToChangeRemoveOrEmptyTheTrail() {
		this.catalog.createTeam(new TeamForm("at-immutable", null, null, null, null, null, List.of(), null));
		long id = lastId();

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("UPDATE audit_events SET actor = 'someone-else' WHERE id = ?", id))
			.withMessageContaining("append-only");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("DELETE FROM audit_events WHERE id = ?", id))
			.withMessageContaining("append-only");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.execute("TRUNCATE audit_events"))
			.withMessageContaining("append-only");
		assertThat(this.jdbc.queryForObject("SELECT actor || ' ' || action FROM audit_events WHERE id = ?", String.class, id))
			.isEqualTo("system team.created");
	}

	@Test
	void aChangeWithoutATransactionIsABugNotAnUnrecordedChange() {
		assertThatExceptionOfType(IllegalTransactionStateException.class).isThrownBy(() -> this.trail
			.record(new AuditChange("team.created", "team", "at-orphan", null, null, "Created team 'at-orphan'")));
		assertThat(eventsOf("at-orphan")).isZero();
	}

	@Test
	void aChangeThatIsRolledBackLeavesNoEvent() {
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);

		transaction.executeWithoutResult((status) -> {
			this.catalog.createTeam(new TeamForm("at-rolled-back", null, null, null, null, null, List.of(), null));
			assertThat(this.catalog.findTeam("at-rolled-back")).isPresent();
			status.setRollbackOnly();
		});

		assertThat(this.catalog.findTeam("at-rolled-back")).isEmpty();
		assertThat(eventsOf("at-rolled-back")).isZero();
	}

	@Test
	void aRefusedImportLeavesNoEvent() {
		long before = lastId();
		String invalid = """
				apiVersion: backstage.io/v1alpha1
				kind: Group
				metadata:
				  name: at-import-team
				---
				apiVersion: backstage.io/v1alpha1
				kind: Component
				metadata:
				  name: at import ledger
				spec:
				  owner: at-import-team
				""";

		assertThat(this.mvc.post()
			.uri("/api/v1/catalog/import?source=at-refused")
			.with(httpBasic("at-admin", TestUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_YAML)
			.content(invalid)
			.exchange()).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);

		assertThat(this.catalog.findTeam("at-import-team")).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM audit_events WHERE id > ?", Long.class, before)).isZero();
	}

	private long lastId() {
		return this.jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_events", Long.class);
	}

	private long eventsOf(String objectId) {
		return this.jdbc.queryForObject("SELECT count(*) FROM audit_events WHERE object_id = ?", Long.class, objectId);
	}
}
