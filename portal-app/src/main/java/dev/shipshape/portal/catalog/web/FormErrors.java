package dev.shipshape.portal.catalog.web;

import java.util.function.UnaryOperator;

import dev.shipshape.catalog.CatalogException;
import dev.shipshape.catalog.DuplicateCatalogNameException;
import dev.shipshape.catalog.InvalidCatalogEntryException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Puts what the catalog refuses next to the page field it concerns. Catalog records name fields
 * like {@code tags[2]} or {@code links[0].url}; a page maps those to its own inputs.
 */
@Component
class FormErrors {

	private final Validator validator;

	FormErrors(Validator validator) {
		this.validator = validator;
	}

	/** Validates a catalog record and reports each violation on the page field; true when valid. */
	<T> boolean validate(T record, BindingResult binding, UnaryOperator<String> pageField) {
		for (ConstraintViolation<T> violation : this.validator.validate(record)) {
			reject(binding, pageField.apply(violation.getPropertyPath().toString()), violation.getMessage());
		}
		return !binding.hasErrors();
	}

	void reject(CatalogException ex, BindingResult binding, UnaryOperator<String> pageField) {
		if (ex instanceof InvalidCatalogEntryException invalid) {
			reject(binding, pageField.apply(invalid.field()), ex.getMessage());
		}
		else if (ex instanceof DuplicateCatalogNameException duplicate) {
			reject(binding, duplicate.field(), ex.getMessage());
		}
		else {
			binding.reject("catalog", ex.getMessage());
		}
	}

	private static void reject(BindingResult binding, String field, String message) {
		if (field != null && binding.getFieldType(field) != null) {
			binding.rejectValue(field, "invalid", message);
		}
		else {
			binding.reject("invalid", message);
		}
	}

	/** The part of a record's property path before any index or nested property: {@code tags[2]} → {@code tags}. */
	static String rootField(String path) {
		int end = path.length();
		for (int i = 0; i < path.length(); i++) {
			if (path.charAt(i) == '[' || path.charAt(i) == '.') {
				end = i;
				break;
			}
		}
		return path.substring(0, end);
	}
}
