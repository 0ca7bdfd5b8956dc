package dev.shipshape.portal.web;

import java.util.Comparator;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Applies a JSON merge patch (RFC 7396) to a form record: fields in the patch replace the current
 * ones, {@code null} clears them, absent fields stay. The result is validated like a full body.
 */
@Component
public class MergePatches {

	private final JsonMapper jsonMapper;

	private final Validator validator;

	MergePatches(JsonMapper jsonMapper, Validator validator) {
		this.jsonMapper = jsonMapper;
		this.validator = validator;
	}

	public <T> T apply(T current, JsonNode patch, Class<T> type) {
		if (patch == null || !patch.isObject()) {
			throw new InvalidRequestException("body", "must be a JSON object of the fields to change");
		}
		ObjectNode merged = this.jsonMapper.valueToTree(current);
		patch.properties().forEach((field) -> merged.set(field.getKey(), field.getValue()));
		T result = this.jsonMapper.treeToValue(merged, type);
		Set<ConstraintViolation<T>> violations = this.validator.validate(result);
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations.stream()
				.sorted(Comparator.comparing((violation) -> violation.getPropertyPath().toString()))
				.map((violation) -> new Problems.FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
				.toList());
		}
		return result;
	}

}
