package dev.shipshape.scorecard;

import java.util.List;
import java.util.stream.Collectors;

/** A scorecard was refused; {@link #diagnostics()} says where and why. */
public class ScorecardCompilationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String scorecardKey;

	private final transient List<Diagnostic> diagnostics;

	ScorecardCompilationException(String scorecardKey, List<Diagnostic> diagnostics) {
		super("Scorecard '" + scorecardKey + "' has " + diagnostics.size() + " problem(s): "
				+ diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("; ")));
		this.scorecardKey = scorecardKey;
		this.diagnostics = List.copyOf(diagnostics);
	}

	/** The key of the refused scorecard, as given. */
	public String scorecardKey() {
		return this.scorecardKey;
	}

	/** The problems, at least one. */
	public List<Diagnostic> diagnostics() {
		return this.diagnostics;
	}

}
