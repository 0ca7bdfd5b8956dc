package dev.shipshape.portal.audit.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.shipshape.portal.audit.AuditEvent;
import dev.shipshape.portal.audit.AuditLog;
import dev.shipshape.portal.audit.AuditQuery;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Exports of the audit trail, for the API and the audit page alike: every matching event, written as
 * it is read from the database, so that an export of any size takes little memory.
 */
@Component
class AuditExports {

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final AuditLog log;

	private final JsonMapper json;

	private final Clock clock;

	AuditExports(AuditLog log, JsonMapper json, Clock clock) {
		this.log = log;
		this.json = json;
		this.clock = clock;
	}

	/** @throws dev.shipshape.portal.web.InvalidRequestException for a bad filter or format, before anything is sent */
	ResponseEntity<StreamingResponseBody> export(AuditFilters filters, String format) {
		AuditQuery query = filters.toQuery();
		AuditExportFormat writer = AuditExportFormat.of(format);
		String file = "audit-" + FILE_TIME.format(this.clock.instant()) + "." + writer.extension();
		StreamingResponseBody body = (stream) -> {
			Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
			writer.start(out);
			this.log.export(query, (event) -> write(writer, event, out));
			out.flush();
		};
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, writer.mediaType())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
			.body(body);
	}

	private void write(AuditExportFormat writer, AuditEvent event, Writer out) {
		try {
			writer.write(event, this.json, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
