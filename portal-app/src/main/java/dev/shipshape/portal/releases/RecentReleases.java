package dev.shipshape.portal.releases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.shipshape.catalog.FactJson;
import dev.shipshape.portal.scorecards.OpenReleases;
import dev.shipshape.portal.scorecards.Subjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Recently registered releases, for scorecard previews. */
@Component
class RecentReleases implements OpenReleases {

	private final JdbcClient jdbc;

	RecentReleases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<OpenRelease> registeredSince(Instant since, int limit) {
		return this.jdbc.sql("""
				SELECT service_key, version, commit_sha, environment, created_at, facts::text FROM releases
				WHERE created_at >= ? ORDER BY created_at DESC LIMIT ?""")
			.params(Timestamp.from(since), limit)
			.query((rs, row) -> new OpenRelease(rs.getString(1), new Subjects.ReleaseFields(rs.getString(2),
					rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), facts(rs.getString(6)))))
			.list();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> facts(String json) {
		return (Map<String, Object>) FactJson.read(json);
	}
}
