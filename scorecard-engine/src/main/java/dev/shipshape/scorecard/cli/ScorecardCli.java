package dev.shipshape.scorecard.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.shipshape.scorecard.CompiledScorecard;
import dev.shipshape.scorecard.Diagnostic;
import dev.shipshape.scorecard.Evaluation;
import dev.shipshape.scorecard.Outcome;
import dev.shipshape.scorecard.Rule;
import dev.shipshape.scorecard.RuleResult;
import dev.shipshape.scorecard.Scorecard;
import dev.shipshape.scorecard.ScorecardCompilationException;
import dev.shipshape.scorecard.ScorecardCompiler;
import dev.shipshape.scorecard.ScorecardYaml;
import dev.shipshape.scorecard.ScorecardYamlException;
import dev.shipshape.scorecard.Subject;

/**
 * Evaluates a scorecard on subjects from the command line, e.g. in a repository's CI before merge.
 *
 * <pre>
 * java -jar scorecard-engine-cli.jar --scorecard scorecard.yaml --subjects subjects.jsonl
 * </pre>
 *
 * Prints one line per subject: name, verdict, level achieved and blocking failures. Exit status:
 * 0 when every subject is ready, 1 when one is not (unless {@code --no-fail}), 2 when the scorecard
 * or a subject is invalid, 64 on a usage error.
 */
public final class ScorecardCli {

	static final int OK = 0;

	static final int NOT_READY = 1;

	static final int INVALID = 2;

	static final int USAGE = 64;

	private static final String HELP = """
			Usage: scorecard --scorecard FILE [options]

			Evaluates a scorecard (YAML) on subjects (JSON lines: {"service":{...},"release":{...},"owner":{...}}).

			  -s, --scorecard FILE     the scorecard to evaluate
			  -i, --subjects FILE      the subjects, one JSON object per line; "-" (default) reads standard input
			      --now INSTANT        evaluate at this instant, e.g. 2027-01-31T00:00:00Z (default: now)
			      --pass-counts FILE   write how many subjects pass each rule, as TSV (rule<TAB>passes); "-" for standard output
			      --check              only check the scorecard
			      --quiet              do not print a line per subject
			      --no-fail            exit 0 even when a subject is not ready
			  -h, --help               show this help

			Exit status: 0 every subject ready, 1 a subject not ready, 2 invalid scorecard or subject, 64 usage error.
			""";

	private final PrintStream out;

	private final PrintStream err;

	private final InputStream in;

	ScorecardCli(InputStream in, PrintStream out, PrintStream err) {
		this.in = in;
		this.out = out;
		this.err = err;
	}

	/** Runs the command line and exits with its status. */
	public static void main(String[] args) {
		System.exit(new ScorecardCli(System.in, System.out, System.err).run(args));
	}

	int run(String[] args) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			this.err.println("scorecard: " + ex.getMessage());
			this.err.println("Try --help.");
			return USAGE;
		}
		if (options.help()) {
			this.out.print(HELP);
			return OK;
		}
		try {
			CompiledScorecard compiled = compile(options.scorecard());
			if (options.check()) {
				this.out.println(options.scorecard() + ": " + compiled.scorecard().rules().size() + " rules, valid");
				return OK;
			}
			return evaluate(compiled, options);
		}
		catch (InvalidInput ex) {
			return INVALID;
		}
		catch (IOException ex) {
			this.err.println("scorecard: " + ex.getMessage());
			return INVALID;
		}
	}

	private CompiledScorecard compile(Path file) throws IOException {
		Scorecard scorecard;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			scorecard = ScorecardYaml.read(reader);
		}
		catch (ScorecardYamlException ex) {
			String where = (ex.line() > 0) ? file + ":" + ex.line() + ":" + ex.column() : file.toString();
			this.err.println(where + ": " + ex.problem());
			throw new InvalidInput();
		}
		try {
			return new ScorecardCompiler().compile(scorecard);
		}
		catch (ScorecardCompilationException ex) {
			for (Diagnostic diagnostic : ex.diagnostics()) {
				this.err.println(file + ": " + diagnostic);
			}
			throw new InvalidInput();
		}
	}

	private int evaluate(CompiledScorecard compiled, Options options) throws IOException {
		Tally tally = new Tally(compiled.scorecard());
		boolean invalidSubject = false;
		try (BufferedReader reader = subjects(options.subjects())) {
			int number = 0;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				Subject subject;
				try {
					subject = SubjectLines.parse(line);
				}
				catch (IllegalArgumentException ex) {
					this.err.println(options.subjects() + ":" + number + ": " + ex.getMessage());
					invalidSubject = true;
					continue;
				}
				Evaluation evaluation = compiled.evaluate(subject, List.of(), options.now());
				tally.add(evaluation);
				if (!options.quiet()) {
					this.out.println(verdictLine(nameOf(subject, number), evaluation));
				}
			}
		}
		this.err.println(tally.summary());
		if (options.passCounts() != null) {
			writePassCounts(tally, options.passCounts());
		}
		if (invalidSubject) {
			return INVALID;
		}
		return (tally.notReady > 0 && options.failWhenNotReady()) ? NOT_READY : OK;
	}

	private BufferedReader subjects(String source) throws IOException {
		return source.equals("-") ? new BufferedReader(new InputStreamReader(this.in, StandardCharsets.UTF_8))
				: Files.newBufferedReader(Path.of(source), StandardCharsets.UTF_8);
	}

	private void writePassCounts(Tally tally, String target) throws IOException {
		String table = tally.passCounts();
		if (target.equals("-")) {
			this.out.print(table);
		}
		else {
			Files.writeString(Path.of(target), table, StandardCharsets.UTF_8);
		}
	}

	private static String nameOf(Subject subject, int line) {
		Object name = subject.service().get("name");
		String service = (name != null) ? name.toString() : "line " + line;
		Object version = (subject.release() != null) ? subject.release().get("version") : null;
		return (version != null) ? service + "@" + version : service;
	}

	static String verdictLine(String name, Evaluation evaluation) {
		if (!evaluation.applicable()) {
			return name + "\tnot applicable";
		}
		String level = (evaluation.levelAchieved() != null) ? evaluation.levelAchieved() : "none";
		List<RuleResult> failures = evaluation.blockingFailures();
		String failing = failures.isEmpty() ? "-"
				: failures.stream().map(ScorecardCli::describe).collect(Collectors.joining(", "));
		return name + "\t" + (evaluation.ready() ? "ready" : "NOT READY") + "\tlevel: " + level + "\tfailing: " + failing;
	}

	private static String describe(RuleResult result) {
		return (result.outcome() == Outcome.ERROR) ? result.ruleKey() + " (" + result.reason() + ")" : result.ruleKey();
	}

	/** Counts across subjects. */
	private static final class Tally {

		private final Map<String, Integer> passes = new LinkedHashMap<>();

		private int subjects;

		private int ready;

		private int notReady;

		private int notApplicable;

		Tally(Scorecard scorecard) {
			for (Rule rule : scorecard.rules()) {
				this.passes.put(rule.key(), 0);
			}
		}

		void add(Evaluation evaluation) {
			this.subjects++;
			if (!evaluation.applicable()) {
				this.notApplicable++;
			}
			else if (evaluation.ready()) {
				this.ready++;
			}
			else {
				this.notReady++;
			}
			for (RuleResult result : evaluation.results()) {
				if (result.outcome() == Outcome.PASS) {
					this.passes.merge(result.ruleKey(), 1, Integer::sum);
				}
			}
		}

		String summary() {
			return this.subjects + " subjects: " + this.ready + " ready, " + this.notReady + " not ready, "
					+ this.notApplicable + " not applicable";
		}

		String passCounts() {
			StringBuilder table = new StringBuilder("rule\tpasses\n");
			this.passes.forEach((rule, count) -> table.append(rule).append('\t').append(count).append('\n'));
			return table.toString();
		}

	}

	/** The command line, parsed. */
	record Options(Path scorecard, String subjects, Instant now, String passCounts, boolean check, boolean quiet,
			boolean failWhenNotReady, boolean help) {

		static Options parse(String[] args) {
			Path scorecard = null;
			String subjects = "-";
			Instant now = Instant.now();
			String passCounts = null;
			boolean check = false;
			boolean quiet = false;
			boolean fail = true;
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				switch (arg) {
					case "-s", "--scorecard" -> scorecard = Path.of(value(args, ++i, arg));
					case "-i", "--subjects" -> subjects = value(args, ++i, arg);
					case "--now" -> now = instant(value(args, ++i, arg));
					case "--pass-counts" -> passCounts = value(args, ++i, arg);
					case "--check" -> check = true;
					case "--quiet" -> quiet = true;
					case "--no-fail" -> fail = false;
					case "-h", "--help" -> {
						return new Options(null, subjects, now, null, false, false, fail, true);
					}
					default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
				}
			}
			if (scorecard == null) {
				throw new IllegalArgumentException("--scorecard is required");
			}
			return new Options(scorecard, subjects, now, passCounts, check, quiet, fail, false);
		}

		private static String value(String[] args, int index, String option) {
			if (index >= args.length) {
				throw new IllegalArgumentException(option + " needs a value");
			}
			return args[index];
		}

		private static Instant instant(String value) {
			try {
				return Instant.parse(value);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("--now must be an instant like 2027-01-31T00:00:00Z, not '" + value + "'");
			}
		}

	}

	/** Already reported; stops the run with {@link #INVALID}. */
	private static final class InvalidInput extends RuntimeException {

		private static final long serialVersionUID = 1L;

		InvalidInput() {
			super(null, null, false, false);
		}

	}

}
