package dev.shipshape.bench.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.shipshape.bench.catalog.DescriptorSet.Component;
import dev.shipshape.bench.catalog.DescriptorSet.Group;
import dev.shipshape.bench.catalog.DescriptorSet.Link;
import dev.shipshape.bench.catalog.DescriptorSet.User;

/**
 * The yardstick: the same catalog rows inserted with plain JDBC batches in one transaction, as
 * hand-written code with nothing to check or compare would do it.
 */
final class JdbcBaseline {

	private static final int BATCH = 1000;

	private JdbcBaseline() {
	}

	static void insert(DataSource dataSource, DescriptorSet set) throws SQLException {
		Timestamp now = Timestamp.from(Instant.now());
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			Map<String, Long> teams = ids(connection, "teams_seq", set.groups().stream().map(Group::name).toList());
			Map<String, Long> people = ids(connection, "people_seq", set.users().stream().map(User::name).toList());
			Map<String, Long> services = ids(connection, "services_seq",
					set.components().stream().map(Component::name).toList());
			List<Object[]> rows = new ArrayList<>();
			for (Group group : set.groups()) {
				rows.add(new Object[] { teams.get(group.name()), group.name(), group.name(), group.displayName(), group.email(),
						group.description(), (group.parent() != null) ? teams.get(group.parent()) : null, now, now });
			}
			batch(connection, "insert into teams (id, name, name_key, display_name, email, description, parent_id, "
					+ "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
			rows.clear();
			List<Object[]> members = new ArrayList<>();
			for (User user : set.users()) {
				rows.add(new Object[] { people.get(user.name()), user.name(), user.name(), user.displayName(), user.email(), now,
						now });
				members.add(new Object[] { teams.get(user.team()), people.get(user.name()) });
			}
			batch(connection, "insert into people (id, name, name_key, display_name, email, created_at, updated_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?)", rows);
			batch(connection, "insert into team_members (team_id, person_id) values (?, ?)", members);
			rows.clear();
			List<Object[]> tags = new ArrayList<>();
			List<Object[]> links = new ArrayList<>();
			List<Object[]> dependencies = new ArrayList<>();
			for (Component component : set.components()) {
				long id = services.get(component.name());
				rows.add(new Object[] { id, component.name(), component.name(), component.title(), component.description(),
						(component.ownerTeam() != null) ? teams.get(component.ownerTeam()) : null,
						(component.ownerPerson() != null) ? people.get(component.ownerPerson()) : null, component.tier(),
						component.lifecycle(), component.system(), now, now });
				component.tags().forEach((tag) -> tags.add(new Object[] { id, tag }));
				for (int position = 0; position < component.links().size(); position++) {
					Link link = component.links().get(position);
					links.add(new Object[] { id, position, link.type(), link.url(), link.title() });
				}
				if (component.dependsOn() != null) {
					dependencies.add(new Object[] { id, services.get(component.dependsOn()) });
				}
			}
			batch(connection, "insert into services (id, name, name_key, title, description, owner_team_id, owner_person_id, "
					+ "tier, lifecycle, system, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
			batch(connection, "insert into service_tags (service_id, tag) values (?, ?)", tags);
			batch(connection, "insert into service_links (service_id, position, type, url, title) values (?, ?, ?, ?, ?)",
					links);
			batch(connection, "insert into service_dependencies (service_id, depends_on_id) values (?, ?)", dependencies);
			connection.commit();
		}
	}

	private static Map<String, Long> ids(Connection connection, String sequence, List<String> names) throws SQLException {
		Map<String, Long> ids = new HashMap<>();
		try (PreparedStatement statement = connection
			.prepareStatement("select nextval('" + sequence + "') from generate_series(1, ?)")) {
			statement.setInt(1, names.size());
			try (ResultSet result = statement.executeQuery()) {
				for (String name : names) {
					result.next();
					ids.put(name, result.getLong(1));
				}
			}
		}
		return ids;
	}

	private static void batch(Connection connection, String sql, List<Object[]> rows) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			int pending = 0;
			for (Object[] row : rows) {
				for (int i = 0; i < row.length; i++) {
					if (row[i] == null) {
						statement.setNull(i + 1, Types.BIGINT);
					}
					else {
						statement.setObject(i + 1, row[i]);
					}
				}
				statement.addBatch();
				if (++pending == BATCH) {
					statement.executeBatch();
					pending = 0;
				}
			}
			if (pending > 0) {
				statement.executeBatch();
			}
		}
	}
}
