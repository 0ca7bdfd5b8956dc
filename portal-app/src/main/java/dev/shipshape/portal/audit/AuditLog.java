package dev.shipshape.portal.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit trail: pages of events for the audit page and API, one object's history, and exports. */
@Service
@Transactional(readOnly = true)
public class AuditLog {

	/** Rows fetched per round trip while exporting, so that an export of any size holds few in memory. */
	private static final int EXPORT_FETCH_SIZE = 500;

	private static final String COLUMNS = """
			SELECT e.id, e.occurred_at, e.actor, e.actor_kind, e.token_id, t.name AS token_name, e.action, e.object_type,
			       e.object_id, e.before::text AS before, e.after::text AS after, e.summary, e.request_id, e.client_address
			FROM audit_events e LEFT JOIN api_tokens t ON t.id = e.token_id""";

	private static final RowMapper<AuditEvent> EVENTS = (rs, row) -> new AuditEvent(rs.getLong("id"),
			rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), ActorKind.valueOf(rs.getString("actor_kind")),
			rs.getObject("token_id", Long.class), rs.getString("token_name"), rs.getString("action"),
			rs.getString("object_type"), rs.getString("object_id"), rs.getString("before"), rs.getString("after"),
			rs.getString("summary"), rs.getString("request_id"), rs.getString("client_address"));

	private final NamedParameterJdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate streaming;

	AuditLog(DataSource dataSource) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		JdbcTemplate fetching = new JdbcTemplate(dataSource);
		fetching.setFetchSize(EXPORT_FETCH_SIZE);
		this.streaming = new NamedParameterJdbcTemplate(fetching);
	}

	public Page<AuditEvent> find(AuditQuery query, Pageable pageable) {
		Filter filter = Filter.of(query);
		MapSqlParameterSource parameters = filter.parameters()
			.addValue("limit", pageable.getPageSize())
			.addValue("offset", pageable.getOffset());
		List<AuditEvent> events = this.jdbc.query(COLUMNS + filter.where() + filter.order() + " LIMIT :limit OFFSET :offset",
				parameters, EVENTS);
		Long total = this.jdbc.queryForObject("SELECT count(*) FROM audit_events e" + filter.where(), filter.parameters(),
				Long.class);
		return new PageImpl<>(events, pageable, (total != null) ? total : 0);
	}

	/** The newest events of one object, newest first. */
	public List<AuditEvent> history(String objectType, String objectId, int limit) {
		Filter filter = Filter.of(AuditQuery.of(objectType, objectId));
		return this.jdbc.query(COLUMNS + filter.where() + filter.order() + " LIMIT :limit",
				filter.parameters().addValue("limit", limit), EVENTS);
	}

	/**
	 * Hands every matching event to {@code each} as it is read from the database, a few hundred rows at
	 * a time, however many there are.
	 */
	public void export(AuditQuery query, Consumer<AuditEvent> each) {
		Filter filter = Filter.of(query);
		int[] row = { 0 };
		this.streaming.query(COLUMNS + filter.where() + filter.order(), filter.parameters(),
				(RowCallbackHandler) (rs) -> each.accept(EVENTS.mapRow(rs, row[0]++)));
	}

	/** The query as SQL: conditions joined with AND, and the order. */
	private record Filter(List<String> conditions, MapSqlParameterSource parameters, boolean oldestFirst) {

		static Filter of(AuditQuery query) {
			List<String> conditions = new ArrayList<>();
			MapSqlParameterSource parameters = new MapSqlParameterSource();
			if (hasText(query.actor())) {
				conditions.add("lower(e.actor) = lower(:actor)");
				parameters.addValue("actor", query.actor().strip());
			}
			if (hasText(query.objectType())) {
				conditions.add("e.object_type = :objectType");
				parameters.addValue("objectType", query.objectType().strip().toLowerCase(Locale.ROOT));
			}
			if (hasText(query.objectId())) {
				conditions.add("lower(e.object_id) = lower(:objectId)");
				parameters.addValue("objectId", query.objectId().strip());
			}
			if (hasText(query.action())) {
				String action = query.action().strip().toLowerCase(Locale.ROOT);
				if (action.endsWith("*")) {
					conditions.add("e.action LIKE :action ESCAPE '\\'");
					parameters.addValue("action", escapeLike(action.substring(0, action.length() - 1)) + "%");
				}
				else {
					conditions.add("e.action = :action");
					parameters.addValue("action", action);
				}
			}
			if (query.from() != null) {
				conditions.add("e.occurred_at >= :from");
				parameters.addValue("from", Timestamp.from(query.from()));
			}
			if (query.to() != null) {
				conditions.add("e.occurred_at < :to");
				parameters.addValue("to", Timestamp.from(query.to()));
			}
			if (query.afterId() != null) {
				conditions.add("e.id > :afterId");
				parameters.addValue("afterId", query.afterId());
			}
			return new Filter(conditions, parameters, query.oldestFirst());
		}

		String where() {
			return this.conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", this.conditions);
		}

		String order() {
			return this.oldestFirst ? " ORDER BY e.id" : " ORDER BY e.id DESC";
		}

		private static boolean hasText(String value) {
			return value != null && !value.isBlank();
		}

		private static String escapeLike(String value) {
			return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		}
	}
}
