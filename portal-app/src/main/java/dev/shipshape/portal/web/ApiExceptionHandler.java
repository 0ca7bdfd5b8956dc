package dev.shipshape.portal.web;

import java.util.List;
import java.util.Objects;

import dev.shipshape.catalog.CatalogConflictException;
import dev.shipshape.catalog.CatalogEntryNotFoundException;
import dev.shipshape.catalog.DuplicateCatalogNameException;
import dev.shipshape.catalog.InvalidCatalogEntryException;
import dev.shipshape.catalog.StaleCatalogEntryException;
import dev.shipshape.portal.releases.ReleaseProblems;
import dev.shipshape.portal.scorecards.ScorecardProblems;
import tools.jackson.core.JacksonException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every refusal of the REST API into a problem detail that says what is wrong and where. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail notFound(CatalogEntryNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail duplicate(DuplicateCatalogNameException ex) {
		ProblemDetail problem = Problems.invalid(HttpStatus.CONFLICT,
				List.of(new Problems.FieldError(ex.field(), ex.getMessage())));
		problem.setType(java.net.URI.create(Problems.TYPE_BASE + "duplicate-name"));
		problem.setTitle("Name already taken");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidCatalogEntryException ex) {
		return Problems.invalid(HttpStatus.BAD_REQUEST, List.of(new Problems.FieldError(ex.field(), ex.getMessage())));
	}

	@ExceptionHandler
	ProblemDetail stale(StaleCatalogEntryException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "stale-version", "Changed by someone else",
				ex.getMessage());
		problem.setProperty("currentVersion", ex.currentVersion());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail concurrentChange(OptimisticLockingFailureException ex) {
		return Problems.of(HttpStatus.CONFLICT, "stale-version", "Changed by someone else",
				"Someone else changed this entry at the same time; reload it and apply your change again");
	}

	@ExceptionHandler
	ProblemDetail conflict(CatalogConflictException ex) {
		return Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail scorecardNotFound(ScorecardProblems.NotFound ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidDraft(ScorecardProblems.InvalidDraft ex) {
		ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-scorecard",
				"The scorecard does not compile", ex.getMessage());
		problem.setProperty("diagnostics", ex.diagnostics());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail nothingToPublish(ScorecardProblems.NothingToPublish ex) {
		return Problems.of(HttpStatus.CONFLICT, "nothing-to-publish", "Nothing to publish", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail staleDraft(ScorecardProblems.StaleDraft ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "stale-version", "Changed by someone else",
				ex.getMessage());
		problem.setProperty("currentLockVersion", ex.currentLockVersion());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail scorecardConflict(ScorecardProblems.Conflict ex) {
		return Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail releaseNotFound(ReleaseProblems.NotFound ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail releaseConflict(ReleaseProblems.Conflict ex) {
		return Problems.of(HttpStatus.CONFLICT, "release-conflict", "Release registered with other data", ex.getMessage());
	}

	/**
	 * Without its database the portal cannot know whether anything is ready: it fails closed, and says
	 * so, instead of answering 500 or, worse, 200.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
			TransientDataAccessException.class })
	ProblemDetail databaseUnavailable(RuntimeException ex) {
		return Problems.databaseUnavailable();
	}

	/**
	 * Anything unforeseen: a problem detail that says so without stack trace, SQL or class names.
	 * Security refusals go on to the security handlers.
	 */
	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) throws Exception {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			throw ex;
		}
		if (DatabaseOutageFilter.isOutage(ex)) {
			return Problems.databaseUnavailable();
		}
		logger.error("Unexpected error answering an API request", ex);
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"Something went wrong on the portal's side. Tell the platform team if it keeps happening.");
	}

	@ExceptionHandler
	ProblemDetail invalidRequest(InvalidRequestException ex) {
		return Problems.invalid(HttpStatus.BAD_REQUEST, ex.errors());
	}

	@ExceptionHandler
	ProblemDetail unreadableJson(JacksonException ex) {
		return Problems.invalid(HttpStatus.BAD_REQUEST, List.of(unreadable(ex)));
	}

	@ExceptionHandler
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		return Problems.invalid(HttpStatus.BAD_REQUEST, List.of(new Problems.FieldError(ex.getName(),
				"'" + ex.getValue() + "' is not a valid " + ex.getRequiredType().getSimpleName().toLowerCase())));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(Problems.invalid(HttpStatus.BAD_REQUEST, fieldErrors(ex.getBindingResult())));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.FieldError> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new Problems.FieldError(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())))
			.toList();
		return ResponseEntity.badRequest().body(Problems.invalid(HttpStatus.BAD_REQUEST, errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(Problems.invalid(HttpStatus.BAD_REQUEST, List.of(unreadable(ex))));
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
					"The upload is larger than the portal accepts"));
	}

	static List<Problems.FieldError> fieldErrors(BindingResult result) {
		List<Problems.FieldError> errors = new java.util.ArrayList<>(result.getFieldErrors()
			.stream()
			.map((error) -> new Problems.FieldError(error.getField(), Objects.toString(error.getDefaultMessage(), "is invalid")))
			.toList());
		result.getGlobalErrors()
			.forEach((error) -> errors.add(new Problems.FieldError(error.getObjectName(), error.getDefaultMessage())));
		return errors;
	}

	/** Names the field and position of a JSON body that could not be read, without echoing internals. */
	private static Problems.FieldError unreadable(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof JacksonException jackson) {
			return unreadable(jackson);
		}
		return new Problems.FieldError("body", "must be a JSON document");
	}

	private static Problems.FieldError unreadable(JacksonException jackson) {
		String field = jackson.getPath().isEmpty() ? "body" : jsonPath(jackson);
		String where = (jackson.getLocation() != null && jackson.getLocation().getLineNr() > 0)
				? " (line " + jackson.getLocation().getLineNr() + ", column " + jackson.getLocation().getColumnNr() + ")"
				: "";
		String reason = UnreadableJson.reason(jackson);
		return new Problems.FieldError(field, ((reason != null) ? reason : firstLine(jackson.getOriginalMessage())) + where);
	}

	private static String jsonPath(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "cannot be read";
		}
		String line = message.lines().findFirst().orElse(message);
		// Jackson names Java types in its messages; the API speaks JSON.
		return line.replaceAll("`[a-zA-Z0-9_.$]+\\.([A-Za-z0-9_$]+)`", "$1");
	}
}
