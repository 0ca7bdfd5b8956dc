package dev.shipshape.portal.releases;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.shipshape.portal.audit.AuditChange;
import dev.shipshape.portal.audit.AuditTrail;
import dev.shipshape.portal.releases.Readiness.Evaluated;
import dev.shipshape.portal.releases.ReleaseStore.Row;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The question a pipeline asks before deploying. {@link #decide} records every answer as an
 * immutable decision; {@link #check} answers without recording and only remembers the newest
 * verdict for the release board.
 */
@Service
@Transactional
public class ReadinessGate {

	private final Readiness readiness;

	private final Releases releases;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final AuditTrail audit;

	ReadinessGate(Readiness readiness, Releases releases, JdbcClient jdbc, JsonMapper json, MeterRegistry meters,
			AuditTrail audit) {
		this.readiness = readiness;
		this.releases = releases;
		this.jdbc = jdbc;
		this.json = json;
		this.meters = meters;
		this.audit = audit;
	}

	public ReadinessVerdict check(String service, String version) {
		Evaluated evaluated = this.readiness.evaluateRelease(service, version);
		if (remember(evaluated)) {
			// Only the release board reads the remembered verdict, and the next check writes it again:
			// its commit need not wait for the disk, which would otherwise bound how fast pipelines ask.
			this.jdbc.sql("SET LOCAL synchronous_commit = off").update();
		}
		return evaluated.verdict();
	}

	public ReadinessDecision decide(String service, String version, String requestedBy) {
		Evaluated evaluated = this.readiness.evaluateRelease(service, version);
		ReadinessVerdict verdict = evaluated.verdict();
		ReadinessDecision.Snapshot seen = new ReadinessDecision.Snapshot(verdict, evaluated.service().facts(),
				evaluated.release().view().facts(), evaluated.applied());
		long id = this.jdbc.sql("""
				INSERT INTO readiness_decisions (release_id, verdict, decided_at, requested_by, snapshot)
				VALUES (?, ?, ?, ?, ?::jsonb) RETURNING id""")
			.params(evaluated.release().id(), verdict.verdict().name(), Timestamp.from(verdict.evaluatedAt()), requestedBy,
					this.json.writeValueAsString(seen))
			.query(Long.class)
			.single();
		remember(evaluated);
		this.meters.counter("shipshape.readiness.decisions", "verdict", verdict.verdict().name()).increment();
		audit(id, evaluated.release().view(), verdict);
		return new ReadinessDecision(id, verdict.service(), version, verdict.verdict(), verdict.evaluatedAt(), requestedBy,
				seen);
	}

	private void audit(long decisionId, ReleaseView release, ReadinessVerdict verdict) {
		List<String> blocking = rules(verdict.blockingFailures());
		Map<String, Object> decision = new LinkedHashMap<>();
		decision.put("decisionId", decisionId);
		decision.put("verdict", verdict.verdict());
		decision.put("blockingFailures", blocking);
		decision.put("waived", rules(verdict.waived()));
		this.audit.record(new AuditChange("release.gate_decided", "release", Releases.objectId(release), null, decision,
				"Gate decision " + decisionId + " on release " + release.version() + " of " + release.service() + ": "
						+ verdict.verdict() + (blocking.isEmpty() ? "" : ", blocked by " + String.join(", ", blocking))));
	}

	private static List<String> rules(List<ReadinessVerdict.RuleVerdict> verdicts) {
		return verdicts.stream().map((rule) -> rule.scorecardKey() + "/" + rule.ruleKey()).toList();
	}

	@Transactional(readOnly = true)
	public List<ReadinessDecision> decisions(String service, String version) {
		Row release = this.releases.row(service, version);
		return this.jdbc.sql("""
				SELECT id, verdict, decided_at, requested_by, snapshot::text FROM readiness_decisions
				WHERE release_id = ? ORDER BY decided_at DESC, id DESC""")
			.param(release.id())
			.query((rs, row) -> new ReadinessDecision(rs.getLong(1), release.view().service(), version,
					Verdict.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(), rs.getString(4),
					this.json.readValue(rs.getString(5), ReadinessDecision.Snapshot.class)))
			.list();
	}

	/** Writes the verdict for the release board when it differs from the one the release was read with. */
	private boolean remember(Evaluated evaluated) {
		Verdict verdict = evaluated.verdict().verdict();
		if (verdict == evaluated.release().view().verdict()) {
			return false;
		}
		return this.releases.rememberVerdict(evaluated.release().id(), verdict, evaluated.verdict().evaluatedAt());
	}
}
