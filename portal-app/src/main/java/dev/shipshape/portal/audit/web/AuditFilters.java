package dev.shipshape.portal.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.shipshape.portal.audit.AuditQuery;
import dev.shipshape.portal.web.InvalidRequestException;
import dev.shipshape.portal.web.Problems.FieldError;

/**
 * The filters of the audit page, API and export as the request sends them. Times are an instant
 * ({@code 2030-01-06T09:00:00Z}), a time in UTC ({@code 2030-01-06T09:00}, as a browser's date-time
 * field sends it) or a day ({@code 2030-01-06}): {@code from} that day's start, {@code to} its end.
 * {@code order} is {@code newest} (the default) or {@code oldest}; {@code afterId} keeps the events
 * recorded after that one.
 */
record AuditFilters(String actor, String objectType, String objectId, String action, String from, String to,
		Long afterId, String order) {

	/** @throws InvalidRequestException naming each filter that cannot be read */
	AuditQuery toQuery() {
		List<FieldError> errors = new ArrayList<>();
		Instant start = instant("from", this.from, false, errors);
		Instant end = instant("to", this.to, true, errors);
		boolean oldestFirst = "oldest".equalsIgnoreCase(blankToNull(this.order));
		if (this.order != null && !this.order.isBlank() && !oldestFirst && !"newest".equalsIgnoreCase(this.order.strip())) {
			errors.add(new FieldError("order", "must be newest or oldest"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return new AuditQuery(blankToNull(this.actor), blankToNull(this.objectType), blankToNull(this.objectId),
				blankToNull(this.action), start, end, this.afterId, oldestFirst);
	}

	private static Instant instant(String field, String value, boolean end, List<FieldError> errors) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		try {
			if (text.length() == 10) {
				LocalDate day = LocalDate.parse(text);
				return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
				return OffsetDateTime.parse(text).toInstant();
			}
			return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(field, "'" + text + "' is neither a day (2030-01-06) nor a time (2030-01-06T09:00:00Z)"));
			return null;
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}
}
