package dev.shipshape.portal.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.LinkForm;
import dev.shipshape.catalog.PersonForm;
import dev.shipshape.catalog.ServiceFacts;
import dev.shipshape.catalog.ServiceForm;
import dev.shipshape.catalog.ServiceQuery;
import dev.shipshape.catalog.TeamForm;
import dev.shipshape.portal.database.DatabaseModeEnvironmentPostProcessor;
import dev.shipshape.portal.scorecards.NewScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardManagement;
import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
import dev.shipshape.scorecard.ReferenceScorecards;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A living portal for newcomers: a few teams, people and about twenty services with realistic
 * links, plus the demo accounts. Only in the embedded default, and only into an empty catalog. It runs
 * before the initial administrator is looked for: the demo accounts include one.
 */
@Component
@Profile(DatabaseModeEnvironmentPostProcessor.EMBEDDED_PROFILE)
@Order(-10)
class DemoData implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoData.class);

	private static final String SYSTEM = "system";

	static final String DEMO_PASSWORD = "shipshape";

	private final CatalogManagement catalog;

	private final UserAccounts accounts;

	private final ServiceFacts facts;

	private final ScorecardManagement scorecards;

	private final Clock clock;

	DemoData(CatalogManagement catalog, UserAccounts accounts, ServiceFacts facts, ScorecardManagement scorecards,
			Clock clock) {
		this.catalog = catalog;
		this.accounts = accounts;
		this.facts = facts;
		this.scorecards = scorecards;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		createDemoAccounts();
		if (this.catalog.findServices(ServiceQuery.all(), PageRequest.of(0, 1)).getTotalElements() > 0) {
			return;
		}
		people().forEach(this.catalog::createPerson);
		teams().forEach(this.catalog::createTeam);
		// Dependencies can only name services that exist: create all, then connect them.
		services().forEach((service) -> this.catalog.createService(withoutDependencies(service)));
		services().stream()
			.filter((service) -> !service.dependsOn().isEmpty())
			.forEach((service) -> this.catalog.updateService(service.name(), service));
		reportFacts();
		// Installed by the portal itself, as the audit trail records it.
		this.scorecards.create(NewScorecardForm.of(ReferenceScorecards.productionReadiness(), "platform"), SYSTEM);
		this.scorecards.publish(ReferenceScorecards.productionReadiness().key(), "Installed with the demo data", SYSTEM);
		logger.info("Loaded the demo catalog: {} teams, {} people, {} services and the production readiness scorecard",
				teams().size(), people().size(), services().size());
	}

	/** Facts as integrations would report them: most services in decent shape, some not. */
	private void reportFacts() {
		List<ServiceForm> services = services();
		for (int i = 0; i < services.size(); i++) {
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("coverage", 55.0 + (i * 37 % 45));
			values.put("criticalVulnerabilities", (i % 7 == 3) ? 1 : 0);
			values.put("highVulnerabilities", i % 4);
			values.put("sloDefined", i % 3 != 1);
			values.put("lastDeployedAt", this.clock.instant().minus(Duration.ofDays(i * 5L)).toString());
			this.facts.replace(services.get(i).name(), values, "demo-integrations");
		}
	}

	private static ServiceForm withoutDependencies(ServiceForm service) {
		return new ServiceForm(service.name(), service.title(), service.description(), service.owner(), service.tier(),
				service.lifecycle(), service.system(), service.tags(), service.links(), List.of(), service.version());
	}

	private void createDemoAccounts() {
		account("admin", "Demo administrator", Role.ADMIN);
		account("sre", "Demo SRE", Role.SRE);
		account("releaser", "Demo release manager", Role.RELEASE_MANAGER);
		account("engineer", "Demo engineer", Role.VIEWER);
	}

	private void account(String username, String displayName, Role role) {
		if (!this.accounts.exists(username)) {
			this.accounts.create(username, displayName, DEMO_PASSWORD, Set.of(role));
		}
	}

	private static List<PersonForm> people() {
		return List.of(person("ada.lovelace", "Ada Lovelace"), person("grace.hopper", "Grace Hopper"),
				person("alan.turing", "Alan Turing"), person("margaret.hamilton", "Margaret Hamilton"),
				person("barbara.liskov", "Barbara Liskov"), person("ken.thompson", "Ken Thompson"),
				person("radia.perlman", "Radia Perlman"), person("edsger.dijkstra", "Edsger Dijkstra"),
				person("frances.allen", "Frances Allen"), person("donald.knuth", "Donald Knuth"),
				person("engineer", "Demo Engineer"), person("releaser", "Demo Release Manager"));
	}

	private static PersonForm person(String name, String displayName) {
		return new PersonForm(name, displayName, name + "@shipshape.example", "@" + name, null);
	}

	private static List<TeamForm> teams() {
		return List.of(
				team("engineering", "Engineering", null, "All product and platform teams", List.of("donald.knuth")),
				team("platform", "Platform Engineering", "engineering", "Builds the paved road: CI, runtime, observability",
						List.of("grace.hopper", "ken.thompson")),
				team("payments", "Payments", "engineering", "Takes the money, safely",
						List.of("ada.lovelace", "barbara.liskov", "engineer")),
				team("storefront", "Storefront", "engineering", "What customers see and click",
						List.of("margaret.hamilton", "frances.allen")),
				team("search", "Search & Discovery", "engineering", "Helps customers find things",
						List.of("alan.turing", "edsger.dijkstra")),
				team("identity", "Identity", "platform", "Accounts, sign-in and permissions", List.of("radia.perlman")));
	}

	private static TeamForm team(String name, String displayName, String parent, String description,
			List<String> members) {
		return new TeamForm(name, displayName, name + "@shipshape.example", "#team-" + name, description, parent, members,
				null);
	}

	private static List<ServiceForm> services() {
		List<ServiceForm> services = new ArrayList<>();
		services.add(service("ledger", "Ledger", "Double-entry book of every money movement", "payments", 1, "payments",
				List.of("java", "payments"), List.of(), Links.ALL));
		services.add(service("payment-gateway", "Payment gateway", "Talks to card networks and wallets", "payments", 1,
				"payments", List.of("java", "payments", "edge"), List.of("ledger", "fraud-scoring"), Links.ALL));
		services.add(service("fraud-scoring", "Fraud scoring", "Scores every payment for fraud risk", "payments", 1,
				"payments", List.of("python", "ml"), List.of("feature-store"), Links.NO_DASHBOARD));
		services.add(service("refunds", "Refunds", "Refunds and chargebacks", "payments", 2, "payments",
				List.of("java", "payments"), List.of("ledger", "payment-gateway"), Links.NO_RUNBOOK));
		services.add(service("checkout", "Checkout", "Basket to order", "storefront", 1, "shop", List.of("java"),
				List.of("payment-gateway", "cart", "pricing"), Links.ALL));
		services.add(service("cart", "Cart", "Keeps what customers are about to buy", "storefront", 2, "shop",
				List.of("go"), List.of("pricing"), Links.ALL));
		services.add(service("pricing", "Pricing", "Prices, discounts and taxes", "storefront", 2, "shop",
				List.of("kotlin"), List.of(), Links.NO_ONCALL));
		services.add(service("web-storefront", "Web storefront", "The customer-facing web site", "storefront", 1, "shop",
				List.of("typescript", "edge"), List.of("checkout", "search-api", "login"), Links.ALL));
		services.add(service("search-api", "Search API", "Query endpoint for products", "search", 1, "discovery",
				List.of("java", "search"), List.of("search-indexer"), Links.ALL));
		services.add(service("search-indexer", "Search indexer", "Keeps the product index fresh", "search", 3,
				"discovery", List.of("java", "search", "batch"), List.of("feature-store"), Links.NO_DASHBOARD));
		services.add(service("recommendations", "Recommendations", "You may also like", "search", 3, "discovery",
				List.of("python", "ml"), List.of("feature-store"), Links.NO_RUNBOOK));
		services.add(service("feature-store", "Feature store", "Features for models, online and offline", "platform", 2,
				"data", List.of("python", "ml"), List.of(), Links.ALL));
		services.add(service("login", "Login", "Sign-in for customers and staff", "identity", 1, "identity",
				List.of("java", "edge"), List.of("user-directory"), Links.ALL));
		services.add(service("user-directory", "User directory", "Accounts and profiles", "identity", 1, "identity",
				List.of("java"), List.of(), Links.ALL));
		services.add(service("permissions", "Permissions", "Who may do what", "identity", 2, "identity", List.of("go"),
				List.of("user-directory"), Links.NO_ONCALL));
		services.add(service("ci-runners", "CI runners", "Build machines for every repository", "platform", 2, "paved-road",
				List.of("go", "internal"), List.of(), Links.ALL));
		services.add(service("deploy-controller", "Deploy controller", "Rolls out releases", "platform", 1, "paved-road",
				List.of("go", "internal"), List.of("ci-runners"), Links.ALL));
		services.add(service("metrics-pipeline", "Metrics pipeline", "Collects and stores metrics", "platform", 2,
				"observability", List.of("go", "internal"), List.of(), Links.ALL));
		services.add(new ServiceForm("legacy-reports", "Legacy reports", "Nightly CSV reports nobody admits to reading",
				null, 4, "deprecated", "reporting", List.of("batch"), Links.NO_ONCALL.links("legacy-reports", null),
				List.of("ledger"), null));
		services.add(new ServiceForm("email-sender", "Email sender", "Transactional emails", null, 3, "production",
				"messaging", List.of("internal"), Links.NO_RUNBOOK.links("email-sender", null), List.of(), null));
		return services;
	}

	private static ServiceForm service(String name, String title, String description, String owner, int tier,
			String system, List<String> tags, List<String> dependsOn, Links links) {
		String lifecycle = tier <= 2 ? "production" : "experimental";
		return new ServiceForm(name, title, description, owner, tier, lifecycle, system, tags, links.links(name, owner),
				dependsOn, null);
	}

	/** Which links a demo service has; some miss one, as real catalogs do. */
	private enum Links {

		ALL, NO_RUNBOOK, NO_ONCALL, NO_DASHBOARD;

		List<LinkForm> links(String service, String team) {
			List<LinkForm> links = new ArrayList<>();
			links.add(new LinkForm("repo", "https://git.shipshape.example/acme/" + service, null));
			if (this != NO_ONCALL) {
				String schedule = (team != null) ? team : service;
				links.add(new LinkForm("oncall", "https://oncall.shipshape.example/schedules/" + schedule, "On-call schedule"));
			}
			if (this != NO_RUNBOOK) {
				links.add(new LinkForm("runbook", "https://runbooks.shipshape.example/" + service, "Runbook"));
			}
			if (this != NO_DASHBOARD) {
				links.add(new LinkForm("dashboard", "https://grafana.shipshape.example/d/" + service, "Grafana"));
			}
			links.add(new LinkForm("docs", "https://docs.shipshape.example/" + service, null));
			return links;
		}
	}
}
