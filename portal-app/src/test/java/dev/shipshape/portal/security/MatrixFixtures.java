package dev.shipshape.portal.security;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.LinkForm;
import dev.shipshape.catalog.PersonForm;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.TestUsers;
import dev.shipshape.portal.releases.ReleaseForm;
import dev.shipshape.portal.releases.Releases;
import dev.shipshape.portal.scorecards.NewScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardManagement;
import dev.shipshape.portal.tokens.ApiTokens;
import dev.shipshape.waivers.ExceptionTarget;
import dev.shipshape.waivers.ExceptionTerms;
import dev.shipshape.waivers.WaiverManagement;

/**
 * What the permission matrix calls endpoints on: the team {@value #TEAM} with one member, its
 * service, scorecard and a release, an exception waiting for a decision, accounts for every
 * {@link Caller} and the administrator's tokens. Endpoints that remove or decide something get an
 * entry of their own ({@code fresh…}), so that no call changes what the next one sees: a spare one,
 * kept for the next call while calls are refused (a refusal changes nothing), replaced once a call
 * got through.
 */
final class MatrixFixtures {

	static final String TEAM = "pm-team";

	static final String SERVICE = "pm-service";

	static final String PERSON = "pm-member";

	static final String SCORECARD = "pm-card";

	static final String RELEASE = "1.0.0";

	/** Requests the exceptions that the matrix decides on; no caller may approve their own request. */
	static final String REQUESTER = "pm-requester";

	private static final String GRANTER = "pm-granter";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final UserAccounts accounts;

	private final CatalogManagement catalog;

	private final ScorecardManagement scorecards;

	private final Releases releases;

	private final WaiverManagement exceptions;

	private final ApiTokens tokens;

	private final Map<Caller, String> secrets = new EnumMap<>(Caller.class);

	private final Map<String, String> spares = new HashMap<>();

	private final Set<String> handedOut = new HashSet<>();

	private String pendingException;

	MatrixFixtures(UserAccounts accounts, CatalogManagement catalog, ScorecardManagement scorecards, Releases releases,
			WaiverManagement exceptions, ApiTokens tokens) {
		this.accounts = accounts;
		this.catalog = catalog;
		this.scorecards = scorecards;
		this.releases = releases;
		this.exceptions = exceptions;
		this.tokens = tokens;
	}

	MatrixFixtures prepare() {
		for (Caller caller : Caller.values()) {
			if (caller.isPerson()) {
				TestUsers.ensure(this.accounts, caller.account(), caller.role());
			}
		}
		TestUsers.ensure(this.accounts, REQUESTER, Role.VIEWER);
		TestUsers.ensure(this.accounts, GRANTER, Role.SRE);
		if (this.catalog.findTeam(TEAM).isEmpty()) {
			this.catalog.createPerson(new PersonForm(PERSON, "Matrix member", null, null, null));
			this.catalog.createTeam(new TeamForm(TEAM, "Permission matrix", null, null, null, null, List.of(PERSON), null));
			this.catalog.createService(new ServiceForm(SERVICE, "Matrix service", null, TEAM, 2, "production", null,
					List.of(), List.of(new LinkForm("runbook", "https://runbooks.example/pm", null)), List.of(), null));
			this.scorecards.create(scorecard(SCORECARD), "test");
			this.scorecards.publish(SCORECARD, "v1", "test");
			register(RELEASE);
		}
		for (Caller caller : Caller.values()) {
			if (caller.isToken()) {
				this.secrets.put(caller, this.tokens.create(caller.account(), caller.account(), "matrix " + caller.column(),
						caller.scopes(), null).secret());
			}
		}
		this.pendingException = this.exceptions.request(target(newRelease()), terms(), REQUESTER).id();
		return this;
	}

	String secret(Caller caller) {
		return this.secrets.get(caller);
	}

	/** A name no entry has yet, e.g. {@code pm-team-12}. */
	static String unique(String prefix) {
		return prefix + "-" + SEQUENCE.incrementAndGet();
	}

	String pendingException() {
		return this.pendingException;
	}

	/** After a call: what it was handed is spent if the call got past security. */
	void called(boolean pastSecurity) {
		if (pastSecurity) {
			this.handedOut.forEach(this.spares::remove);
		}
		this.handedOut.clear();
	}

	String freshService() {
		return spare("service", this::newService);
	}

	String freshTeam() {
		return spare("team", this::newTeam);
	}

	String freshPerson() {
		return spare("person", this::newPerson);
	}

	String freshScorecard() {
		return spare("scorecard", this::newScorecard);
	}

	/** A release of {@value #SERVICE} that no exception covers yet. */
	String freshRelease() {
		return spare("release", this::newRelease);
	}

	String freshToken() {
		return spare("token", () -> String.valueOf(
				this.tokens.create(REQUESTER, REQUESTER, unique("spare"), Set.of(), null).token().id()));
	}

	String freshPendingException() {
		return spare("pending", () -> this.exceptions.request(target(newRelease()), terms(), REQUESTER).id());
	}

	String freshApprovedException() {
		return spare("approved", () -> this.exceptions.grant(target(newRelease()), terms(), GRANTER).id());
	}

	private String spare(String kind, Supplier<String> create) {
		this.handedOut.add(kind);
		return this.spares.computeIfAbsent(kind, (unused) -> create.get());
	}

	private String newService() {
		String name = unique("pm-service");
		this.catalog.createService(new ServiceForm(name, null, null, TEAM, 3, "production", null, List.of(), List.of(),
				List.of(), null));
		return name;
	}

	private String newTeam() {
		String name = unique("pm-team");
		this.catalog.createTeam(new TeamForm(name, null, null, null, null, null, List.of(), null));
		return name;
	}

	private String newPerson() {
		String name = unique("pm-person");
		this.catalog.createPerson(new PersonForm(name, null, null, null, null));
		return name;
	}

	private String newScorecard() {
		String key = unique("pm-card");
		this.scorecards.create(scorecard(key), "test");
		return key;
	}

	private String newRelease() {
		String version = unique("2.0");
		register(version);
		return version;
	}

	private void register(String version) {
		this.releases.register(SERVICE, new ReleaseForm(version, "abc123", "production", Map.of("testsPassed", false)),
				"test");
	}

	private static ExceptionTarget target(String release) {
		return new ExceptionTarget(SERVICE, SCORECARD, "tests-passed", release);
	}

	private static ExceptionTerms terms() {
		return new ExceptionTerms("The suite is flaky", "Low", "https://tickets.example/PM-1", Duration.ofDays(1), null);
	}

	private static NewScorecardForm scorecard(String key) {
		return new NewScorecardForm(key, "Permission matrix", null, TEAM, null,
				List.of(new ScorecardForm.LevelForm("bronze", "Minimum bar", true)),
				List.of(new ScorecardForm.RuleForm("tests-passed", "Tests passed", null, "bronze",
						"release.facts.testsPassed == true", "Fix the tests", null),
						new ScorecardForm.RuleForm("has-runbook", "Has a runbook", null, "bronze", "service.links.runbook != \"\"",
								"Link a runbook", null)));
	}
}
