package dev.shipshape.portal.security;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.releases.Releases;
import dev.shipshape.portal.scorecards.ScorecardManagement;
import dev.shipshape.portal.security.PermissionMatrix.Entry;
import dev.shipshape.portal.tokens.ApiTokens;
import dev.shipshape.waivers.WaiverManagement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The permission matrix ({@code permission-matrix.csv}) holds: every endpoint of the portal, API
 * and pages, has a line, and every caller of every line is allowed or refused as it says.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTests {

	private static final PermissionMatrix MATRIX = PermissionMatrix.load();

	/** Answers that show a request got past security; anything else means the request itself is wrong. */
	private static final Set<Integer> PAST_SECURITY = Set.of(200, 201, 204, 302, 400, 404, 409, 422);

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	@Autowired
	UserAccounts accounts;

	MatrixFixtures fixtures;

	private final Map<Caller, UserDetails> people = new EnumMap<>(Caller.class);

	@BeforeAll
	void fixtures(@Autowired CatalogManagement catalog, @Autowired ScorecardManagement scorecards,
			@Autowired Releases releases, @Autowired WaiverManagement exceptions, @Autowired ApiTokens tokens) {
		this.fixtures = new MatrixFixtures(this.accounts, catalog, scorecards, releases, exceptions, tokens).prepare();
	}

	@Test
	void everyEndpointHasALineInTheMatrixAndARequest() {
		Map<String, Long> handled = this.handlers.getHandlerMethods()
			.keySet()
			.stream()
			.flatMap(PermissionMatrixTests::endpoints)
			.collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
		Map<String, Long> written = MATRIX.entries()
			.stream()
			.collect(Collectors.groupingBy(Entry::endpoint, TreeMap::new, Collectors.counting()));

		Set<String> missing = new TreeSet<>();
		handled.forEach((endpoint, handlerCount) -> {
			if (written.getOrDefault(endpoint, 0L) < handlerCount) {
				missing.add(endpoint + " (" + handlerCount + " handler(s))");
			}
		});
		Set<String> gone = new TreeSet<>(written.keySet());
		gone.removeAll(handled.keySet());
		Set<String> keys = MATRIX.entries().stream().map(Entry::key).collect(Collectors.toCollection(TreeSet::new));
		Set<String> withoutRequest = new TreeSet<>(keys);
		withoutRequest.removeAll(MatrixRequests.keys());
		Set<String> unusedRequests = new TreeSet<>(MatrixRequests.keys());
		unusedRequests.removeAll(keys);

		assertThat(missing).as("endpoints without a line in " + PermissionMatrix.RESOURCE).isEmpty();
		assertThat(gone).as("lines of " + PermissionMatrix.RESOURCE + " for endpoints that do not exist").isEmpty();
		assertThat(keys).as("lines of " + PermissionMatrix.RESOURCE + " given twice").hasSize(MATRIX.entries().size());
		assertThat(withoutRequest).as("lines without a request in MatrixRequests").isEmpty();
		assertThat(unusedRequests).as("requests in MatrixRequests without a line").isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("entries")
	void everyCallerIsAllowedOrRefusedAsTheMatrixSays(Entry entry) throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Caller caller : Caller.values()) {
			MockHttpServletResponse response = call(entry, caller);
			String answer = answer(response);
			boolean passed = PAST_SECURITY.contains(response.getStatus()) && !toSignIn(response);
			this.fixtures.called(passed);
			if (entry.allows(caller) && !passed) {
				wrong.add(caller.column() + " should pass, but got " + answer);
			}
			else if (!entry.allows(caller) && !refused(entry, caller, response)) {
				wrong.add(caller.column() + " should be refused with " + refusal(entry, caller) + ", but got " + answer);
			}
		}
		assertThat(wrong).as(entry.key()).isEmpty();
	}


	Stream<Entry> entries() {
		return MATRIX.entries().stream();
	}

	private MockHttpServletResponse call(Entry entry, Caller caller) throws Exception {
		AbstractMockHttpServletRequestBuilder<?> request = MatrixRequests.of(entry.key(), this.fixtures);
		if (!entry.isApi()) {
			request.with(csrf());
		}
		if (caller.isToken()) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.fixtures.secret(caller));
		}
		else if (caller.isPerson()) {
			request.with(entry.isApi() ? httpBasic(caller.account(), TestUsers.PASSWORD)
					: user(this.people.computeIfAbsent(caller, (person) -> this.accounts.passwordAccount(person.account()))));
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	/** Pages send whoever is not signed in with a session to the sign-in page, tokens included. */
	private static boolean refused(Entry entry, Caller caller, MockHttpServletResponse response) {
		if (!entry.isApi() && !caller.isPerson()) {
			return toSignIn(response);
		}
		int expected = (caller == Caller.ANONYMOUS) ? 401 : 403;
		return response.getStatus() == expected && (!entry.isApi() || response.getContentType() != null
				&& MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(response.getContentType())));
	}

	private static String refusal(Entry entry, Caller caller) {
		if (!entry.isApi() && !caller.isPerson()) {
			return "the sign-in page";
		}
		return (caller == Caller.ANONYMOUS) ? "401" : "403";
	}

	private static boolean toSignIn(MockHttpServletResponse response) {
		return response.getStatus() == 302 && response.getRedirectedUrl() != null
				&& response.getRedirectedUrl().endsWith("/login");
	}

	private static String answer(MockHttpServletResponse response) {
		String location = (response.getRedirectedUrl() != null) ? " to " + response.getRedirectedUrl() : "";
		return response.getStatus() + location;
	}

	private static Stream<String> endpoints(RequestMappingInfo info) {
		Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("ANY")
				: info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
		return info.getPatternValues().stream().flatMap((pattern) -> methods.stream().map((method) -> method + " " + pattern));
	}
}
