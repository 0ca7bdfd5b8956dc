package dev.shipshape.portal.security;

import dev.shipshape.portal.TestUsers;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A page's background requests (htmx) made after its session is gone: htmx is sent to sign-in with
 * the whole page, and after sign-in the user lands on a page, never on a bare fragment.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BackgroundRequestTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts accounts;

	@BeforeEach
	void account() {
		TestUsers.ensure(this.accounts, "bg-viewer", Role.VIEWER);
	}

	@Test
	void anHtmxRequestOfASignedOutPageSendsItToSignInAndIsNotReturnedToAfterwards() {
		Cookie session = signedOutSession();

		MvcTestResult fragment = this.mvc.get().uri("/services?q=check").header("HX-Request", "true").cookie(session).exchange();

		assertThat(fragment).hasStatus(HttpStatus.UNAUTHORIZED).headers().hasValue("HX-Redirect", "/login");
		assertThat(signIn(session)).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/");
	}

	@Test
	void aPageAskedForSignedOutIsReturnedToAfterSignIn() {
		Cookie session = signedOutSession();

		assertThat(this.mvc.get().uri("/services?q=check").cookie(session).exchange()).hasStatus(HttpStatus.FOUND)
			.redirectedUrl()
			.endsWith("/login");
		assertThat(signIn(session)).redirectedUrl().endsWith("/services?q=check&continue");
	}

	/** The session cookie a browser gets with the sign-in page. */
	private Cookie signedOutSession() {
		Cookie session = this.mvc.get().uri("/login").exchange().getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		return session;
	}

	private MvcTestResult signIn(Cookie session) {
		return this.mvc.post()
			.uri("/login")
			.cookie(session)
			.param("username", "bg-viewer")
			.param("password", TestUsers.PASSWORD)
			.with(csrf())
			.exchange();
	}
}
