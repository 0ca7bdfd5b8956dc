package dev.shipshape.portal.web;

import java.util.List;

/** The request breaks rules that only the web adapter checks; answered with 400 and the fields. */
public class InvalidRequestException extends RuntimeException {

	private final List<Problems.FieldError> errors;

	public InvalidRequestException(String field, String message) {
		this(List.of(new Problems.FieldError(field, message)));
	}

	public InvalidRequestException(List<Problems.FieldError> errors) {
		super(errors.toString());
		this.errors = List.copyOf(errors);
	}

	public List<Problems.FieldError> errors() {
		return this.errors;
	}
}
