package dev.shipshape.portal.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Problem details (RFC 9457) with a stable {@code type} per kind of error. Invalid input also
 * lists {@code errors}: each with the {@code field} (or line) at fault and what is wrong.
 */
public final class Problems {

	public static final String TYPE_BASE = "https://shipshape.dev/problems/";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

	public static ProblemDetail invalid(HttpStatusCode status, List<FieldError> errors) {
		String detail = errors.stream()
			.map((error) -> error.field() + ": " + error.message())
			.reduce((left, right) -> left + "; " + right)
			.orElse("The request is invalid");
		ProblemDetail problem = of(status, "invalid-request", "Invalid request", detail);
		problem.setProperty("errors", errors);
		return problem;
	}

	/** The database cannot be reached: nothing was decided or written. */
	public static ProblemDetail databaseUnavailable() {
		return of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Database unavailable",
				"The portal cannot reach its database right now; nothing was decided or written, and no release is "
						+ "ready until it can. Try again shortly.");
	}

	/** One thing wrong with the request, named by its field (e.g. {@code links[0].url}). */
	public record FieldError(String field, String message) {
	}
}
