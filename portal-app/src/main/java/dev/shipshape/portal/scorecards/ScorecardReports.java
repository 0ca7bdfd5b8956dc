package dev.shipshape.portal.scorecards;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.shipshape.catalog.CatalogNames;
import dev.shipshape.portal.scorecards.ActiveScorecards.ActiveScorecard;
import dev.shipshape.scorecard.Level;
import dev.shipshape.scorecard.Outcome;
import dev.shipshape.scorecard.Rule;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog as one scorecard sees it: services × rules, how many services stand at each level, and
 * teams ranked by how many of their services meet the minimum bar. Stored results are joined with
 * the catalog's services and teams in SQL, because these pages filter and count up to 10,000
 * services per request and must not load them into memory.
 */
@Service
@Transactional(readOnly = true)
public class ScorecardReports {

	private static final String SERVICES = """
			FROM services s
			LEFT JOIN teams t ON t.id = s.owner_team_id
			LEFT JOIN scorecard_results r ON r.service_key = s.name_key AND r.scorecard_id = ?
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ActiveScorecards active;

	ScorecardReports(JdbcClient jdbc, JsonMapper json, ActiveScorecards active) {
		this.jdbc = jdbc;
		this.json = json;
		this.active = active;
	}

	/** The published, active scorecards a report can be about, by name. */
	public List<ActiveScorecard> scorecards() {
		return this.active.current()
			.stream()
			.sorted(Comparator.comparing((ActiveScorecard scorecard) -> scorecard.compiled().scorecard().name()))
			.toList();
	}

	public Optional<ActiveScorecard> scorecard(String key) {
		return this.active.current().stream().filter((scorecard) -> scorecard.key().equals(key)).findFirst();
	}

	/**
	 * One page of services (by name) with the outcome of each rule that applies to services alone;
	 * rules that read a release have no outcome on a service and are left out.
	 */
	public HeatMap heatMap(ActiveScorecard scorecard, ReportFilter filter, Pageable pageable) {
		List<Level> levels = scorecard.compiled().scorecard().levels();
		List<Rule> rules = scorecard.compiled()
			.scorecard()
			.rules()
			.stream()
			.filter((rule) -> !scorecard.compiled().isReleaseRule(rule.key()))
			.sorted(Comparator.comparingInt((Rule rule) -> rank(levels, rule.level())))
			.toList();
		Where where = Where.of(scorecard, filter);
		long total = this.jdbc.sql("SELECT count(*) " + SERVICES + where.sql()).params(where.params()).query(Long.class).single();
		List<Object> params = new ArrayList<>(where.params());
		params.add(pageable.getPageSize());
		params.add(pageable.getOffset());
		List<HeatMapRow> rows = this.jdbc.sql("""
				SELECT s.name, t.name, s.tier, s.lifecycle, r.service_key IS NOT NULL, r.applicable, r.level, r.ready,
				       r.evaluation::text
				""" + SERVICES + where.sql() + " ORDER BY s.name_key LIMIT ? OFFSET ?")
			.params(params)
			.query((rs, row) -> heatMapRow(rs, rules))
			.list();
		int releaseRules = scorecard.compiled().scorecard().rules().size() - rules.size();
		return new HeatMap(levels, rules, releaseRules,
				new PageImpl<>(rows, pageable, total));
	}

	/** How many of the filtered services stand at each level, lowest first. */
	public Distribution distribution(ActiveScorecard scorecard, ReportFilter filter) {
		Where where = Where.of(scorecard, filter);
		Map<String, Long> atLevel = new LinkedHashMap<>();
		long[] notApplicable = { 0 };
		long[] notEvaluated = { 0 };
		this.jdbc.sql("SELECT r.service_key IS NOT NULL, coalesce(r.applicable, false), r.level, count(*) " + SERVICES
				+ where.sql() + " GROUP BY 1, 2, 3")
			.params(where.params())
			.query((ResultSet rs) -> {
				if (!rs.getBoolean(1)) {
					notEvaluated[0] += rs.getLong(4);
				}
				else if (!rs.getBoolean(2)) {
					notApplicable[0] += rs.getLong(4);
				}
				else {
					atLevel.merge(String.valueOf(rs.getString(3)), rs.getLong(4), Long::sum);
				}
			});
		List<LevelCount> counts = new ArrayList<>();
		counts.add(new LevelCount(null, "No level", atLevel.getOrDefault("null", 0L)));
		for (Level level : scorecard.compiled().scorecard().levels()) {
			counts.add(new LevelCount(level.key(), level.name(), atLevel.getOrDefault(level.key(), 0L)));
		}
		return new Distribution(counts, notApplicable[0], notEvaluated[0]);
	}

	/**
	 * Teams ranked by the share of their services (to which the scorecard applies) that meet the
	 * minimum bar, then by their average level. Services owned by a person or by nobody are in no team.
	 */
	public List<TeamStanding> leaderboard(ActiveScorecard scorecard, ReportFilter filter) {
		Where where = Where.of(scorecard, filter);
		List<Level> levels = scorecard.compiled().scorecard().levels();
		Map<String, TeamTally> tallies = new LinkedHashMap<>();
		this.jdbc.sql("SELECT t.name, t.display_name, r.level, r.ready, count(*) " + SERVICES + where.sql()
				+ " AND t.id IS NOT NULL AND r.applicable GROUP BY t.name, t.display_name, r.level, r.ready")
			.params(where.params())
			.query((ResultSet rs) -> {
				TeamTally tally = tallies.computeIfAbsent(rs.getString(1), (name) -> new TeamTally());
				tally.displayName = rs.getString(2);
				long services = rs.getLong(5);
				tally.services += services;
				tally.meeting += rs.getBoolean(4) ? services : 0;
				tally.levelSum += services * rank(levels, rs.getString(3));
			});
		return tallies.entrySet()
			.stream()
			.map((entry) -> entry.getValue().standing(entry.getKey()))
			.sorted(Comparator.comparingDouble(TeamStanding::share)
				.thenComparingDouble(TeamStanding::averageLevel)
				.reversed()
				.thenComparing(TeamStanding::team))
			.toList();
	}

	/** 1 for the first level, 2 for the second …; 0 below the first. */
	private static int rank(List<Level> levels, String key) {
		for (int i = 0; i < levels.size(); i++) {
			if (levels.get(i).key().equals(key)) {
				return i + 1;
			}
		}
		return 0;
	}

	private HeatMapRow heatMapRow(ResultSet rs, List<Rule> rules) throws SQLException {
		Integer tier = (Integer) rs.getObject(3);
		boolean evaluated = rs.getBoolean(5);
		if (!evaluated || !rs.getBoolean(6)) {
			return new HeatMapRow(rs.getString(1), rs.getString(2), tier, rs.getString(4), evaluated, false, null, false,
					List.of());
		}
		Map<String, Outcome> outcomes = this.json.readValue(rs.getString(9), StoredRule.LIST)
			.stream()
			.collect(Collectors.toMap(StoredRule::ruleKey, StoredRule::outcome, (a, b) -> a));
		List<Outcome> cells = rules.stream().map((rule) -> outcomes.get(rule.key())).toList();
		return new HeatMapRow(rs.getString(1), rs.getString(2), tier, rs.getString(4), true, true, rs.getString(7),
				rs.getBoolean(8), cells);
	}

	/** Which services a report covers; every part may be empty. */
	public record ReportFilter(String team, Integer tier, String lifecycle) {

		public ReportFilter {
			team = blankToNull(team);
			lifecycle = blankToNull(lifecycle);
		}

		private static String blankToNull(String value) {
			return (value == null || value.isBlank()) ? null : value.trim();
		}
	}

	/** Rules as columns, grouped by level, services as rows. */
	public record HeatMap(List<Level> levels, List<Rule> rules, int releaseRules, Page<HeatMapRow> rows) {

		public List<Rule> rulesAt(String levelKey) {
			return this.rules.stream().filter((rule) -> rule.level().equals(levelKey)).toList();
		}

		public String levelName(String key) {
			return this.levels.stream()
				.filter((level) -> level.key().equals(key))
				.map(Level::name)
				.findFirst()
				.orElse(key);
		}
	}

	/**
	 * A service and the outcome of each rule column, null where its stored result has no such rule.
	 * {@code evaluated} is false until the first result is stored; {@code applicable} false where the
	 * scorecard's applies-to filter excludes the service.
	 */
	public record HeatMapRow(String service, String team, Integer tier, String lifecycle, boolean evaluated,
			boolean applicable, String level, boolean meetsMinimumBar, List<Outcome> cells) {
	}

	/** Services per level, lowest first, starting with those below the first level (key null). */
	public record Distribution(List<LevelCount> levels, long notApplicable, long notEvaluated) {

		public long evaluated() {
			return this.levels.stream().mapToLong(LevelCount::services).sum();
		}

		/** The share of evaluated services at this count, 0–100. */
		public double percent(LevelCount count) {
			return (evaluated() == 0) ? 0 : 100.0 * count.services() / evaluated();
		}
	}

	public record LevelCount(String level, String name, long services) {
	}

	/** A team's standing: {@code averageLevel} counts 1 for the first level, 0 below it. */
	public record TeamStanding(String team, String displayName, long services, long meetingMinimumBar,
			double averageLevel) {

		/** The share of the team's services that meet the minimum bar, 0–100. */
		public double share() {
			return (this.services == 0) ? 0 : 100.0 * this.meetingMinimumBar / this.services;
		}

		public String label() {
			return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName : this.team;
		}
	}

	private static final class TeamTally {

		private String displayName;

		private long services;

		private long meeting;

		private long levelSum;

		TeamStanding standing(String team) {
			return new TeamStanding(team, this.displayName, this.services, this.meeting,
					(this.services == 0) ? 0 : (double) this.levelSum / this.services);
		}
	}

	private record Where(String sql, List<Object> params) {

		static Where of(ActiveScorecard scorecard, ReportFilter filter) {
			StringBuilder sql = new StringBuilder(" WHERE true");
			List<Object> params = new ArrayList<>();
			params.add(scorecard.scorecardId());
			if (filter.team() != null) {
				sql.append(" AND t.name_key = ?");
				params.add(CatalogNames.key(filter.team()));
			}
			if (filter.tier() != null) {
				sql.append(" AND s.tier = ?");
				params.add(filter.tier());
			}
			if (filter.lifecycle() != null) {
				sql.append(" AND s.lifecycle = ?");
				params.add(filter.lifecycle());
			}
			return new Where(sql.toString(), params);
		}
	}
}
