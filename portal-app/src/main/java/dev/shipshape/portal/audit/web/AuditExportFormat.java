package dev.shipshape.portal.audit.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.shipshape.portal.audit.AuditEvent;
import dev.shipshape.portal.web.InvalidRequestException;
import tools.jackson.databind.json.JsonMapper;

/** How an export writes events: CSV with a header row, or JSON lines (one event object per line). */
enum AuditExportFormat {

	CSV("text/csv", "csv") {

		@Override
		void start(Writer out) throws IOException {
			out.write(row(Stream.of("id", "occurred_at", "actor", "actor_kind", "token_id", "action", "object_type",
					"object_id", "summary", "before", "after", "request_id", "client_address")));
		}

		@Override
		void write(AuditEvent event, JsonMapper json, Writer out) throws IOException {
			out.write(row(Stream.of(Long.toString(event.id()), event.occurredAt().toString(), event.actor(),
					event.actorKind().name(), Objects.toString(event.tokenId(), null), event.action(), event.objectType(),
					event.objectId(), event.summary(), event.before(), event.after(), event.requestId(),
					event.clientAddress())));
		}
	},

	JSONL("application/jsonl", "jsonl") {

		@Override
		void write(AuditEvent event, JsonMapper json, Writer out) throws IOException {
			out.write(json.writeValueAsString(event));
			out.write('\n');
		}
	};

	private final String mediaType;

	private final String extension;

	AuditExportFormat(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	String mediaType() {
		return this.mediaType + ";charset=UTF-8";
	}

	String extension() {
		return this.extension;
	}

	void start(Writer out) throws IOException {
	}

	abstract void write(AuditEvent event, JsonMapper json, Writer out) throws IOException;

	static AuditExportFormat of(String format) {
		return Arrays.stream(values())
			.filter((candidate) -> candidate.extension.equals((format != null) ? format.strip().toLowerCase(Locale.ROOT) : "jsonl"))
			.findFirst()
			.orElseThrow(() -> new InvalidRequestException("format", "must be csv or jsonl"));
	}

	/** One CSV record (RFC 4180) ending in CRLF; null is an empty field. */
	private static String row(Stream<String> fields) {
		return fields.map(AuditExportFormat::field).collect(Collectors.joining(",")) + "\r\n";
	}

	/**
	 * A field quoted where needed. Text that a spreadsheet would run as a formula (=, +, -, @ first)
	 * is prefixed with an apostrophe: attempted user names and summaries are written by anyone.
	 */
	private static String field(String value) {
		if (value == null) {
			return "";
		}
		String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}
}
