package dev.shipshape.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facts that integrations push about services. Replacing sets the whole object; merging changes
 * only the named facts ({@code null} removes one). Each fact keeps when it was reported and by whom.
 */
@Service
@Transactional
public class ServiceFacts {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ServiceFacts(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public FactSheet get(String serviceName) {
		ServiceRow service = service(serviceName, false);
		return new FactSheet(service.name(), load(service.id()));
	}

	public FactSheet replace(String serviceName, Map<String, Object> facts, String reporter) {
		ServiceRow service = service(serviceName, true);
		FactRules.check(facts);
		FactSheet before = new FactSheet(service.name(), load(service.id()));
		this.jdbc.sql("DELETE FROM service_facts WHERE service_id = ?").param(service.id()).update();
		facts.forEach((name, value) -> upsert(service.id(), name, value, reporter));
		return changed(service, "facts_replaced", before);
	}

	public FactSheet merge(String serviceName, Map<String, Object> changes, String reporter) {
		ServiceRow service = service(serviceName, true);
		FactRules.checkNames(changes);
		FactSheet before = new FactSheet(service.name(), load(service.id()));
		Map<String, Object> merged = new TreeMap<>(before.values());
		changes.forEach((name, value) -> {
			if (value == null) {
				merged.remove(name);
			}
			else {
				merged.put(name, value);
			}
		});
		FactRules.check(merged);
		changes.forEach((name, value) -> {
			if (value == null) {
				this.jdbc.sql("DELETE FROM service_facts WHERE service_id = ? AND name = ?").params(service.id(), name).update();
			}
			else {
				upsert(service.id(), name, value, reporter);
			}
		});
		return changed(service, "facts_merged", before);
	}

	/** The facts of many services at once, keyed by service name in lower case; for evaluations. */
	@Transactional(readOnly = true)
	public Map<String, Map<String, Object>> valuesByServiceKey(Collection<String> serviceKeys) {
		Map<String, Map<String, Object>> values = new HashMap<>();
		if (serviceKeys.isEmpty()) {
			return values;
		}
		this.jdbc.sql("""
				SELECT s.name_key, f.name, f.value::text AS value FROM service_facts f JOIN services s ON s.id = f.service_id
				WHERE s.name_key IN (:keys) ORDER BY f.name""")
			.param("keys", serviceKeys)
			.query((rs, row) -> {
				values.computeIfAbsent(rs.getString(1), (key) -> new LinkedHashMap<>()).put(rs.getString(2), FactJson.read(rs.getString(3)));
				return null;
			})
			.list();
		return values;
	}

	private FactSheet changed(ServiceRow service, String action, FactSheet before) {
		this.events.publishEvent(new CatalogEvents.FactsChanged(service.name()));
		FactSheet after = new FactSheet(service.name(), load(service.id()));
		this.events.publishEvent(
				new CatalogEvents.EntryChanged("service", service.name(), action, before.values(), after.values(), null));
		return after;
	}

	private void upsert(long serviceId, String name, Object value, String reporter) {
		this.jdbc.sql("""
				INSERT INTO service_facts (service_id, name, value, reported_at, reported_by) VALUES (?, ?, ?::jsonb, ?, ?)
				ON CONFLICT (service_id, name) DO UPDATE
				SET value = excluded.value, reported_at = excluded.reported_at, reported_by = excluded.reported_by""")
			.params(serviceId, name, FactJson.write(value), Timestamp.from(this.clock.instant()), reporter)
			.update();
	}

	private List<Fact> load(long serviceId) {
		return this.jdbc.sql("SELECT name, value::text, reported_at, reported_by FROM service_facts WHERE service_id = ? ORDER BY name")
			.param(serviceId)
			.query((rs, row) -> new Fact(rs.getString(1), FactJson.read(rs.getString(2)), rs.getTimestamp(3).toInstant(),
					rs.getString(4)))
			.list();
	}

	/** Serialises fact writes per service, so that limits hold under concurrent pushes. */
	private ServiceRow service(String name, boolean lock) {
		return this.jdbc.sql("SELECT id, name FROM services WHERE name_key = ?" + (lock ? " FOR UPDATE" : ""))
			.param(CatalogNames.key(name))
			.query((rs, row) -> new ServiceRow(rs.getLong(1), rs.getString(2)))
			.optional()
			.orElseThrow(() -> new CatalogEntryNotFoundException("service", name));
	}

	private record ServiceRow(long id, String name) {
	}
}
