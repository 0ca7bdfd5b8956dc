package dev.shipshape.scorecard;

/** A scorecard document that cannot be read, with where the problem is. */
public class ScorecardYamlException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int line;

	private final int column;

	private final String problem;

	ScorecardYamlException(int line, int column, String problem, Throwable cause) {
		super(((line > 0) ? "line " + line + ", column " + column + ": " : "") + problem, cause);
		this.line = line;
		this.column = column;
		this.problem = problem;
	}

	/** 1-based line of the problem in the document, 0 when unknown. */
	public int line() {
		return this.line;
	}

	/** 1-based column of the problem in the document, 0 when unknown. */
	public int column() {
		return this.column;
	}

	/** What is wrong, without the position. */
	public String problem() {
		return this.problem;
	}

}
