package dev.shipshape.scorecard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.validator.CelValidator;
import dev.cel.validator.CelValidatorFactory;
import dev.cel.validator.validators.AstDepthLimitValidator;

/**
 * The rule language: CEL with the variables {@code service}, {@code release}, {@code owner} (JSON
 * objects, {@code map(string, dyn)}) and {@code now} ({@code timestamp}), a {@code bool} result, the
 * macros rules need, and the engine's limits. Rules and applies-to filters share the runtime; a
 * filter cannot read {@code release}, which is not known when a service is selected.
 */
final class RuleLanguage {

	private static final CelType JSON_OBJECT = MapType.create(SimpleType.STRING, SimpleType.DYN);

	/**
	 * The type checker knows {@code ==} only between values of one type, so {@code 1 == 1.0} would be
	 * refused although CEL's runtime equality compares numbers on one number line. These overloads
	 * let the checker accept mixed literals; they are mapped back to standard equality before a
	 * program is built, so dynamic values (JSON facts) dispatch exactly as before.
	 */
	private static final Map<String, String> MIXED_NUMERIC_EQUALITY = Map.of("equals_int64_double", "equals",
			"equals_double_int64", "equals", "not_equals_int64_double", "not_equals", "not_equals_double_int64",
			"not_equals");

	private final CelRuntime runtime;

	private final Environment rules;

	private final Environment filters;

	private final int maxExpressionLength;

	RuleLanguage(EngineLimits limits) {
		CelOptions options = options(limits);
		// Pinned on purpose: standardCelRuntimeBuilder() is an alias that upstream intends to move to the
		// planner runtime, which measured several times slower on JSON-shaped facts in CEL-Java 0.14.
		this.runtime = CelRuntimeFactory.legacyCelRuntimeBuilder().setOptions(options).build();
		this.rules = new Environment(compiler(options, true), this.runtime, limits);
		this.filters = new Environment(compiler(options, false), this.runtime, limits);
		this.maxExpressionLength = limits.maxExpressionLength();
	}

	private static CelOptions options(EngineLimits limits) {
		return CelOptions.current()
			// int facts against double thresholds (coverage 50 >= 80.0) and the reverse
			.enableHeterogeneousNumericComparisons(true)
			.comprehensionMaxIterations(limits.maxComprehensionIterations())
			.maxRegexProgramSize(limits.maxRegexProgramSize())
			.maxExpressionCodePointSize(limits.maxExpressionLength())
			// keeps the recursive parser, checker and interpreter far from the thread's stack limit
			.maxParseRecursionDepth(Math.max(limits.maxNestingDepth() * 2, 32))
			.build();
	}

	private static CelCompiler compiler(CelOptions options, boolean withRelease) {
		CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
			.setOptions(options)
			.setStandardMacros(CelStandardMacro.HAS, CelStandardMacro.ALL, CelStandardMacro.EXISTS,
					CelStandardMacro.EXISTS_ONE, CelStandardMacro.MAP, CelStandardMacro.FILTER)
			.addVar("service", JSON_OBJECT)
			.addVar("owner", SimpleType.DYN)
			.addVar("now", SimpleType.TIMESTAMP)
			.addFunctionDeclarations(mixedEquality("_==_", "equals"), mixedEquality("_!=_", "not_equals"))
			.setResultType(SimpleType.BOOL);
		if (withRelease) {
			builder.addVar("release", JSON_OBJECT);
		}
		return builder.build();
	}

	private static CelFunctionDecl mixedEquality(String operator, String overloadPrefix) {
		return CelFunctionDecl.newFunctionDeclaration(operator,
				CelOverloadDecl.newGlobalOverload(overloadPrefix + "_int64_double", SimpleType.BOOL, SimpleType.INT,
						SimpleType.DOUBLE),
				CelOverloadDecl.newGlobalOverload(overloadPrefix + "_double_int64", SimpleType.BOOL, SimpleType.DOUBLE,
						SimpleType.INT));
	}

	/** Compiles a rule expression; {@code ruleKey} labels the diagnostics. */
	Result compileRule(String ruleKey, String expression) {
		return compile(this.rules, ruleKey, expression);
	}

	/** Compiles an applies-to filter. */
	Result compileFilter(String expression) {
		return compile(this.filters, Diagnostic.APPLIES_TO, expression);
	}

	private Result compile(Environment environment, String label, String expression) {
		if (expression == null || expression.isBlank()) {
			return Result.failed(List.of(Diagnostic.ofRule(label, "expression is blank")));
		}
		int length = expression.codePointCount(0, expression.length());
		if (length > this.maxExpressionLength) {
			return Result.failed(List.of(tooLong(label, expression, length)));
		}
		try {
			return environment.compile(label, expression);
		}
		catch (RuntimeException | StackOverflowError ex) {
			return Result.failed(List.of(Diagnostic.ofRule(label, "expression could not be compiled: " + ex)));
		}
	}

	private Diagnostic tooLong(String label, String expression, int length) {
		int offset = expression.offsetByCodePoints(0, this.maxExpressionLength);
		String before = expression.substring(0, offset);
		int line = (int) before.chars().filter((c) -> c == '\n').count() + 1;
		int lineStart = before.lastIndexOf('\n') + 1;
		int column = before.codePointCount(lineStart, before.length()) + 1;
		return new Diagnostic(label, line, column,
				"expression is " + length + " characters long; the limit is " + this.maxExpressionLength);
	}

	/** A compiler with its validators. */
	private static final class Environment {

		private final CelCompiler compiler;

		private final CelRuntime runtime;

		private final CelValidator validator;

		private final int maxNestingDepth;

		Environment(CelCompiler compiler, CelRuntime runtime, EngineLimits limits) {
			this.compiler = compiler;
			this.maxNestingDepth = limits.maxNestingDepth();
			this.runtime = runtime;
			this.validator = CelValidatorFactory.standardCelValidatorBuilder(compiler, runtime)
				.addAstValidators(AstDepthLimitValidator.newInstance(limits.maxNestingDepth()),
						new Re2PatternValidator(limits.maxRegexProgramSize()))
				.build();
		}

		Result compile(String label, String expression) {
			try {
				CelValidationResult checked = this.compiler.compile(expression);
				if (checked.hasError()) {
					return Result.failed(diagnostics(label, checked));
				}
				CelValidationResult validated = this.validator.validate(checked.getAst());
				if (validated.hasError()) {
					return Result.failed(diagnostics(label, validated));
				}
				CelAbstractSyntaxTree runnable = withStandardEquality(checked.getAst());
				return Result.compiled(new CompiledExpression(this.runtime.createProgram(runnable),
						ReadPaths.of(runnable.getExpr())));
			}
			catch (CelValidationException | CelEvaluationException ex) {
				return Result.failed(List.of(Diagnostic.ofRule(label, ex.getMessage())));
			}
		}

		private List<Diagnostic> diagnostics(String label, CelValidationResult result) {
			List<Diagnostic> diagnostics = new ArrayList<>();
			for (CelIssue issue : result.getErrors()) {
				CelSourceLocation location = issue.getSourceLocation();
				boolean positioned = location.getLine() > 0 && location.getColumn() >= 0;
				diagnostics.add(new Diagnostic(label, positioned ? location.getLine() : 0,
						positioned ? location.getColumn() + 1 : 0, this.messageOf(issue)));
			}
			return diagnostics;
		}

		private String messageOf(CelIssue issue) {
			String message = issue.getMessage();
			if (message.startsWith("Expression recursion limit exceeded") || message.startsWith("AST's depth exceeds")) {
				return "expression is nested too deeply; the limit is " + this.maxNestingDepth + " levels";
			}
			// Some messages draw the pattern and a caret on further lines; the position says as much.
			int newline = message.indexOf('\n');
			return (newline < 0) ? message : message.substring(0, newline).trim();
		}

		private static CelAbstractSyntaxTree withStandardEquality(CelAbstractSyntaxTree ast) {
			boolean mixed = ast.getReferenceMap()
				.values()
				.stream()
				.anyMatch((reference) -> reference.overloadIds().stream().anyMatch(MIXED_NUMERIC_EQUALITY::containsKey));
			if (!mixed) {
				return ast;
			}
			Map<Long, CelReference> references = new HashMap<>();
			ast.getReferenceMap().forEach((id, reference) -> references.put(id, standardEquality(reference)));
			return CelAbstractSyntaxTree.newCheckedAst(ast.getExpr(), ast.getSource(), references, ast.getTypeMap());
		}

		private static CelReference standardEquality(CelReference reference) {
			List<String> overloads = reference.overloadIds()
				.stream()
				.map((id) -> MIXED_NUMERIC_EQUALITY.getOrDefault(id, id))
				.distinct()
				.toList();
			CelReference.Builder builder = CelReference.newBuilder().setName(reference.name()).addOverloadIds(overloads);
			reference.value().ifPresent(builder::setValue);
			return builder.build();
		}

	}

	/** A compiled expression, or why there is none. */
	record Result(CompiledExpression expression, List<Diagnostic> diagnostics) {

		static Result compiled(CompiledExpression expression) {
			return new Result(expression, List.of());
		}

		static Result failed(List<Diagnostic> diagnostics) {
			return new Result(null, List.copyOf(diagnostics));
		}

		boolean succeeded() {
			return this.expression != null;
		}

	}

}
