package dev.shipshape.bench.suite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The yardstick of a full re-evaluation: merely reading every service with its owner, tags, links
 * and facts (the rows a re-evaluation reads) over plain JDBC, one query per table, into memory.
 */
final class CatalogRead {

	private static final String[] QUERIES = { """
			SELECT s.id, s.name, s.title, s.description, s.tier, s.lifecycle, s.system, s.owner_reference, s.updated_at,
			       t.name, t.display_name, t.email, t.chat_channel, p.name, p.display_name, p.email, p.chat
			FROM services s
			LEFT JOIN teams t ON t.id = s.owner_team_id
			LEFT JOIN people p ON p.id = s.owner_person_id""",
			"SELECT service_id, tag FROM service_tags",
			"SELECT service_id, type, url FROM service_links",
			"SELECT service_id, name, value::text FROM service_facts" };

	private CatalogRead() {
	}

	/** Reads everything and returns how many rows it read. */
	static Rows readAll(Connection connection) throws SQLException {
		List<Object[]> services = read(connection, QUERIES[0]);
		long others = 0;
		for (int i = 1; i < QUERIES.length; i++) {
			others += read(connection, QUERIES[i]).size();
		}
		return new Rows(services.size(), others);
	}

	private static List<Object[]> read(Connection connection, String sql) throws SQLException {
		List<Object[]> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				Object[] row = new Object[columns];
				for (int i = 0; i < columns; i++) {
					row[i] = rs.getObject(i + 1);
				}
				rows.add(row);
			}
		}
		return rows;
	}

	/** What one read brought back: services, and rows of tags, links and facts together. */
	record Rows(long services, long others) {
	}
}
