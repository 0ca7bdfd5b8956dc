package dev.shipshape.portal.scorecards.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Messages by field path ({@code name}, {@code rules[2].expression}), for forms of rows where each
 * input shows its own message. Paths of the scorecards feature's forms match the editor's inputs.
 */
final class FieldMessages {

	private FieldMessages() {
	}

	static Map<String, String> of(BindingResult binding, Set<? extends ConstraintViolation<?>> violations) {
		Map<String, String> messages = new LinkedHashMap<>();
		for (FieldError error : binding.getFieldErrors()) {
			messages.putIfAbsent(error.getField(), "is not a valid value");
		}
		for (ConstraintViolation<?> violation : violations) {
			messages.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
		}
		return messages;
	}
}
