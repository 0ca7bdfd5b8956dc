package dev.shipshape.portal.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An API endpoint and a page that fail with an SQL error, to prove that errors show no internals. */
@TestConfiguration(proxyBeanMethods = false)
class FailingEndpoints {

	static final String BROKEN_QUERY = "SELECT secret_column FROM no_such_table_for_tests";

	@RestController
	static class FailingApi {

		private final JdbcClient jdbc;

		FailingApi(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@GetMapping("/api/v1/test-failures/sql")
		Object fail() {
			return this.jdbc.sql(BROKEN_QUERY).query().listOfRows();
		}
	}

	@Controller
	static class FailingPage {

		private final JdbcClient jdbc;

		FailingPage(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@GetMapping("/test-failures/sql")
		String fail() {
			this.jdbc.sql(BROKEN_QUERY).query().listOfRows();
			return "home";
		}
	}
}
