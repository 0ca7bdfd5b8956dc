package dev.shipshape.portal.scorecards;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Scorecards, their drafts and their published versions in PostgreSQL. */
@Repository
class ScorecardStore {

	private final JdbcClient jdbc;

	ScorecardStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ScorecardRow> find(String key) {
		return this.jdbc.sql("SELECT id, key, created_by, created_at, archived_at FROM scorecards WHERE key = ?")
			.param(key)
			.query(ScorecardStore::scorecard)
			.optional();
	}

	/** Locks the scorecard until the transaction ends, so that publishes and reverts go one at a time. */
	Optional<ScorecardRow> lock(String key) {
		return this.jdbc.sql("SELECT id, key, created_by, created_at, archived_at FROM scorecards WHERE key = ? FOR UPDATE")
			.param(key)
			.query(ScorecardStore::scorecard)
			.optional();
	}

	List<ScorecardRow> all() {
		return this.jdbc.sql("SELECT id, key, created_by, created_at, archived_at FROM scorecards ORDER BY key")
			.query(ScorecardStore::scorecard)
			.list();
	}

	long insert(String key, String createdBy, Instant createdAt) {
		return this.jdbc.sql("INSERT INTO scorecards (key, created_by, created_at) VALUES (?, ?, ?) RETURNING id")
			.params(key, createdBy, Timestamp.from(createdAt))
			.query(Long.class)
			.single();
	}

	void archive(long id, String by, Instant at) {
		this.jdbc.sql("UPDATE scorecards SET archived_at = ?, archived_by = ? WHERE id = ?")
			.params(Timestamp.from(at), by, id)
			.update();
	}

	Optional<DraftRow> draft(long scorecardId) {
		return this.jdbc.sql("""
				SELECT scorecard_id, owner_team, document, lock_version, updated_by, updated_at
				FROM scorecard_drafts WHERE scorecard_id = ?""")
			.param(scorecardId)
			.query((rs, row) -> new DraftRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.optional();
	}

	void insertDraft(long scorecardId, String ownerTeam, String document, String by, Instant at) {
		this.jdbc.sql("""
				INSERT INTO scorecard_drafts (scorecard_id, owner_team, document, updated_by, updated_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(scorecardId, ownerTeam, document, by, Timestamp.from(at))
			.update();
	}

	/** Saves the draft if nobody saved it since {@code expectedLock} (null: whatever it is); false otherwise. */
	boolean updateDraft(long scorecardId, String ownerTeam, String document, Long expectedLock, String by, Instant at) {
		return this.jdbc.sql("""
				UPDATE scorecard_drafts SET owner_team = ?, document = ?, lock_version = lock_version + 1,
				                            updated_by = ?, updated_at = ?
				WHERE scorecard_id = ? AND (CAST(? AS BIGINT) IS NULL OR lock_version = ?)""")
			.params(ownerTeam, document, by, Timestamp.from(at), scorecardId, expectedLock, expectedLock)
			.update() == 1;
	}

	Optional<VersionRow> latest(long scorecardId) {
		return this.jdbc.sql(VERSION_SELECT + " WHERE scorecard_id = ? ORDER BY number DESC LIMIT 1")
			.param(scorecardId)
			.query(ScorecardStore::version)
			.optional();
	}

	Optional<VersionRow> version(long scorecardId, int number) {
		return this.jdbc.sql(VERSION_SELECT + " WHERE scorecard_id = ? AND number = ?")
			.params(scorecardId, number)
			.query(ScorecardStore::version)
			.optional();
	}

	List<VersionRow> versions(long scorecardId) {
		return this.jdbc.sql(VERSION_SELECT + " WHERE scorecard_id = ? ORDER BY number DESC")
			.param(scorecardId)
			.query(ScorecardStore::version)
			.list();
	}

	/**
	 * The number of the newest version of every scorecard that is published and not archived; the
	 * documents, which every evaluation would otherwise fetch again, are read once per version.
	 */
	List<LatestVersion> latestOfActiveScorecards() {
		return this.jdbc.sql("""
				SELECT DISTINCT ON (v.scorecard_id) v.scorecard_id, v.number, v.owner_team
				FROM scorecard_versions v JOIN scorecards s ON s.id = v.scorecard_id
				WHERE s.archived_at IS NULL
				ORDER BY v.scorecard_id, v.number DESC""")
			.query((rs, row) -> new LatestVersion(rs.getLong(1), rs.getInt(2), rs.getString(3)))
			.list();
	}

	void insertVersion(VersionRow version) {
		this.jdbc.sql("""
				INSERT INTO scorecard_versions (scorecard_id, number, owner_team, document, note, published_by,
				                                published_at, reverted_from)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(version.scorecardId(), version.number(), version.ownerTeam(), version.document(), version.note(),
					version.publishedBy(), Timestamp.from(version.publishedAt()), version.revertedFrom())
			.update();
	}

	private static final String VERSION_SELECT = """
			SELECT scorecard_id, number, owner_team, document, note, published_by, published_at, reverted_from
			FROM scorecard_versions""";

	private static ScorecardRow scorecard(ResultSet rs, int row) throws SQLException {
		Timestamp archivedAt = rs.getTimestamp(5);
		return new ScorecardRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
				(archivedAt != null) ? archivedAt.toInstant() : null);
	}

	private static VersionRow version(ResultSet rs, int row) throws SQLException {
		return new VersionRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getTimestamp(7).toInstant(), (Integer) rs.getObject(8));
	}

	record ScorecardRow(long id, String key, String createdBy, Instant createdAt, Instant archivedAt) {

		boolean archived() {
			return this.archivedAt != null;
		}
	}

	record DraftRow(long scorecardId, String ownerTeam, String document, long lockVersion, String updatedBy,
			Instant updatedAt) {
	}

	record VersionRow(long scorecardId, int number, String ownerTeam, String document, String note,
			String publishedBy, Instant publishedAt, Integer revertedFrom) {
	}

	record LatestVersion(long scorecardId, int number, String ownerTeam) {
	}
}
