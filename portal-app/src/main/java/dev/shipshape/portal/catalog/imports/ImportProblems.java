package dev.shipshape.portal.catalog.imports;

import java.net.URI;
import java.util.List;

import dev.shipshape.catalog.importing.ImportPlan;
import dev.shipshape.catalog.importing.ImportProblem;
import dev.shipshape.catalog.importing.ImportTooLargeException;
import dev.shipshape.portal.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem details of a refused import: {@code import-refused} (422) lists every problem with
 * file, document, line and field, in {@code errors} like any invalid request and in
 * {@code problems} with the position parts apart; {@code too-large} (413) names the limit.
 */
final class ImportProblems {

	private ImportProblems() {
	}

	static ProblemDetail refused(ImportPlan plan) {
		List<Problems.FieldError> errors = plan.problems()
			.stream()
			.map((problem) -> new Problems.FieldError(where(problem), problem.message()))
			.toList();
		ProblemDetail detail = Problems.invalid(HttpStatus.UNPROCESSABLE_CONTENT, errors);
		detail.setType(URI.create(Problems.TYPE_BASE + "import-refused"));
		detail.setTitle("Import refused");
		detail.setDetail("The upload of source '" + plan.source() + "' has " + plan.problems().size()
				+ " problem(s) and nothing was written: " + plan.problems().get(0).describe());
		detail.setProperty("problems", plan.problems());
		detail.setProperty("summary", plan.summary());
		return detail;
	}

	static ProblemDetail tooLarge(ImportTooLargeException ex) {
		ProblemDetail detail = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large", ex.getMessage());
		detail.setProperty("limitBytes", ex.limit().toBytes());
		return detail;
	}

	/** The position of a problem as one field name, e.g. {@code acme/org.yaml:12 metadata.name}. */
	static String where(ImportProblem problem) {
		StringBuilder where = new StringBuilder((problem.file() != null) ? problem.file() : "upload");
		if (problem.line() != null) {
			where.append(':').append(problem.line());
		}
		if (problem.field() != null) {
			where.append(' ').append(problem.field());
		}
		return where.toString();
	}
}
