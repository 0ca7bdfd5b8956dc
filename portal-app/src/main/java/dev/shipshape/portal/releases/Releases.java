package dev.shipshape.portal.releases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dev.shipshape.catalog.CatalogEntryNotFoundException;
import dev.shipshape.catalog.CatalogNames;
import dev.shipshape.catalog.FactRules;
import dev.shipshape.catalog.ServiceSnapshots;
import dev.shipshape.portal.audit.AuditChange;
import dev.shipshape.portal.audit.AuditTrail;
import dev.shipshape.portal.releases.ReleaseStore.BoardFilter;
import dev.shipshape.portal.releases.ReleaseStore.Row;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Releases of services as pipelines register them. Registering is idempotent per version: the
 * same data again returns the existing release; other data for an existing version is refused.
 * Release facts can be added as pipeline stages finish.
 */
@Service
@Transactional
public class Releases {

	private final ReleaseStore store;

	private final ServiceSnapshots services;

	private final AuditTrail audit;

	private final Clock clock;

	Releases(ReleaseStore store, ServiceSnapshots services, AuditTrail audit, Clock clock) {
		this.store = store;
		this.services = services;
		this.audit = audit;
		this.clock = clock;
	}

	/** Registers a release; {@code created} is false when the same release was registered before. */
	public Registration register(String serviceName, ReleaseForm form, String actor) {
		String serviceKey = existingService(serviceName);
		FactRules.check(form.facts());
		boolean created = this.store.insertIfAbsent(serviceKey, form, actor, this.clock.instant());
		ReleaseView release = this.store.find(serviceKey, form.version()).orElseThrow().view();
		if (!created && !sameRegistration(release, form)) {
			throw new ReleaseProblems.Conflict("Release " + form.version() + " of " + release.service()
					+ " was registered with other data (commit " + release.commit() + ", environment "
					+ release.environment() + "); a version cannot be registered twice with different contents");
		}
		if (created) {
			this.audit.record(new AuditChange("release.registered", "release", objectId(release), null, release,
					"Registered release " + release.version() + " of " + release.service()));
		}
		return new Registration(release, created);
	}

	/** Merges facts into a release: named facts are set, a null value removes one. */
	public ReleaseView addFacts(String serviceName, String version, Map<String, Object> changes) {
		String serviceKey = existingService(serviceName);
		Row release = this.store.lock(serviceKey, version)
			.orElseThrow(() -> new ReleaseProblems.NotFound(serviceName, version));
		Map<String, Object> merged = new TreeMap<>(release.view().facts());
		changes.forEach((name, value) -> {
			if (value == null) {
				merged.remove(name);
			}
			else {
				merged.put(name, value);
			}
		});
		FactRules.check(merged);
		this.store.replaceFacts(release.id(), merged, this.clock.instant());
		ReleaseView after = this.store.find(serviceKey, version).orElseThrow().view();
		this.audit.record(new AuditChange("release.facts_added", "release", objectId(after), release.view(), after,
				"Added facts to release " + version + " of " + after.service() + ": "
						+ String.join(", ", new TreeMap<>(changes).keySet())));
		return after;
	}

	/** How the audit trail names a release: {@code service/version}. */
	static String objectId(ReleaseView release) {
		return release.service() + "/" + release.version();
	}

	@Transactional(readOnly = true)
	public ReleaseView find(String serviceName, String version) {
		return row(serviceName, version).view();
	}

	@Transactional(readOnly = true)
	public Page<ReleaseView> ofService(String serviceName, Pageable pageable) {
		String serviceKey = existingService(serviceName);
		List<ReleaseView> releases = this.store
			.ofService(serviceKey, pageable.getPageSize(), (int) pageable.getOffset())
			.stream()
			.map(Row::view)
			.toList();
		return new PageImpl<>(releases, pageable, this.store.countOfService(serviceKey));
	}

	/** Recent releases across services, newest first, for release managers. */
	@Transactional(readOnly = true)
	public Page<ReleaseView> board(String team, String service, String environment, Verdict verdict,
			Pageable pageable) {
		BoardFilter filter = new BoardFilter(team, service, environment, verdict);
		List<ReleaseView> releases = this.store.board(filter, pageable.getPageSize(), (int) pageable.getOffset())
			.stream()
			.map(Row::view)
			.toList();
		return new PageImpl<>(releases, pageable, this.store.countBoard(filter));
	}

	/** One query on the gate's path; only a release that is not found asks whether its service is. */
	Row row(String serviceName, String version) {
		return this.store.find(CatalogNames.key(serviceName), version).orElseThrow(() -> {
			existingService(serviceName);
			return new ReleaseProblems.NotFound(serviceName, version);
		});
	}

	boolean rememberVerdict(long releaseId, Verdict verdict, Instant at) {
		return this.store.rememberVerdict(releaseId, verdict, at);
	}

	private String existingService(String serviceName) {
		if (!this.services.exists(serviceName)) {
			throw new CatalogEntryNotFoundException("service", serviceName);
		}
		return CatalogNames.key(serviceName);
	}

	private static boolean sameRegistration(ReleaseView release, ReleaseForm form) {
		return Objects.equals(release.commit(), form.commit()) && Objects.equals(release.environment(), form.environment())
				&& release.facts().equals(new TreeMap<>(form.facts()));
	}

	/** The release, and whether this call created it. */
	public record Registration(ReleaseView release, boolean created) {
	}
}
