package dev.shipshape.portal.tokens.web;

import java.net.URI;
import java.util.List;

import dev.shipshape.portal.security.AccountNameTakenException;
import dev.shipshape.portal.tokens.InvalidTokenRequestException;
import dev.shipshape.portal.web.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The refusals of the token and service account API as problem details. */
@RestControllerAdvice(assignableTypes = { TokenApiController.class, ServiceAccountApiController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class TokenApiProblems {

	@ExceptionHandler
	ProblemDetail notFound(TokenNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidTokenRequestException ex) {
		return Problems.invalid(HttpStatus.BAD_REQUEST, List.of(new Problems.FieldError(ex.field(), ex.getMessage())));
	}

	@ExceptionHandler
	ProblemDetail nameTaken(AccountNameTakenException ex) {
		ProblemDetail problem = Problems.invalid(HttpStatus.CONFLICT, List.of(new Problems.FieldError("name", ex.getMessage())));
		problem.setType(URI.create(Problems.TYPE_BASE + "duplicate-name"));
		problem.setTitle("Name already taken");
		return problem;
	}
}
