package dev.shipshape.portal.waivers.web;

import java.net.URI;

import dev.shipshape.portal.web.Problems;
import dev.shipshape.waivers.ExceptionProblems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The refusals of the exceptions API as problem details, each with a stable type and what it concerns. */
@RestControllerAdvice(assignableTypes = ExceptionApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExceptionApiProblems {

	@ExceptionHandler
	ProblemDetail notFound(ExceptionProblems.NotFound ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalid(ExceptionProblems.Invalid ex) {
		return Problems.invalid(HttpStatus.BAD_REQUEST, ex.violations()
			.stream()
			.map((violation) -> new Problems.FieldError(violation.field(), violation.message()))
			.toList());
	}

	@ExceptionHandler
	ProblemDetail alreadyCovered(ExceptionProblems.AlreadyCovered ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "exception-exists", "An exception already covers this",
				ex.getMessage());
		problem.setProperty("existing", ex.existingId());
		problem.setProperty("existingStatus", ex.existingStatus());
		problem.setProperty("existingUrl", URI.create("/api/v1/exceptions/" + ex.existingId()));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail stateConflict(ExceptionProblems.StateConflict ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "exception-state", "Not possible in its current state",
				ex.getMessage());
		problem.setProperty("exception", ex.exceptionId());
		problem.setProperty("exceptionStatus", ex.status());
		if (ex.by() != null) {
			problem.setProperty("by", ex.by());
		}
		if (ex.at() != null) {
			problem.setProperty("at", ex.at());
		}
		return problem;
	}

	@ExceptionHandler
	ProblemDetail selfApproval(ExceptionProblems.SelfApproval ex) {
		return Problems.of(HttpStatus.FORBIDDEN, "self-approval", "Requesters do not decide their own requests",
				ex.getMessage());
	}
}
