package dev.shipshape.portal.web;

import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What was wrong with a JSON body, said in terms of JSON: Jackson's own messages name the Java
 * classes the body was read into, which mean nothing to the caller.
 */
final class UnreadableJson {

	private UnreadableJson() {
	}

	/** The reason, or null where Jackson's own message says it best. */
	static String reason(JacksonException ex) {
		if (ex instanceof UnrecognizedPropertyException unknown) {
			return "is not a field of this request; known fields: " + unknown.getKnownPropertyIds()
				.stream()
				.map(String::valueOf)
				.sorted()
				.collect(Collectors.joining(", "));
		}
		if (ex instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
			return expected(mismatched.getTargetType());
		}
		return null;
	}

	private static String expected(Class<?> type) {
		if (Map.class.isAssignableFrom(type)) {
			return "must be a JSON object";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "must be a JSON array";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "must be true or false";
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
			return "must be a number";
		}
		if (type == String.class) {
			return "must be a string";
		}
		if (type == Duration.class) {
			return "must be an ISO-8601 duration such as P7D or PT36H";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "must be an ISO-8601 time such as 2027-01-31T12:00:00Z";
		}
		if (type.isEnum()) {
			return null; // Jackson's message lists the accepted values as JSON spells them
		}
		return "must be a JSON object";
	}
}
