package dev.shipshape.portal.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests that reach no controller: under {@code /api/} they get a problem detail, never an HTML
 * page; elsewhere the exception goes on to the error pages.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnmappedRequestHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> noSuchEndpoint(NoResourceFoundException ex, HttpServletRequest request)
			throws NoResourceFoundException {
		if (!isApi(request)) {
			throw ex;
		}
		return problem(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "no-such-endpoint", "No such endpoint",
				"There is no API endpoint at " + request.getRequestURI() + "; see /api/docs"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException ex,
			HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
		if (!isApi(request)) {
			throw ex;
		}
		return problem(HttpStatus.METHOD_NOT_ALLOWED,
				Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
						request.getMethod() + " is not supported at " + request.getRequestURI() + "; supported: "
								+ String.join(", ", ex.getSupportedMethods() != null ? ex.getSupportedMethods() : new String[0])));
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, ProblemDetail problem) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
