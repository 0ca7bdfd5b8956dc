package dev.shipshape.scorecard;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import dev.cel.bundle.Cel;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.ExprKind.Kind;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.validator.CelAstValidator;

/**
 * Refuses, when a rule is saved, a literal {@code matches} pattern that the runtime would refuse on
 * every evaluation: one RE2 cannot compile (CEL's own {@code RegexLiteralValidator} checks with
 * {@code java.util.regex}, which accepts lookarounds and back-references RE2 does not), or one whose
 * RE2 program is larger than the limit.
 */
final class Re2PatternValidator implements CelAstValidator {

	private final int maxProgramSize;

	Re2PatternValidator(int maxProgramSize) {
		this.maxProgramSize = maxProgramSize;
	}

	@Override
	public void validate(CelNavigableAst navigableAst, Cel cel, IssuesFactory issues) {
		navigableAst.getRoot()
			.allNodes()
			.map((node) -> node.expr())
			.filter((expr) -> expr.exprKind().getKind() == Kind.CALL && expr.call().function().equals("matches"))
			.filter((expr) -> expr.call().args().size() == (expr.call().target().isPresent() ? 1 : 2))
			.forEach((call) -> check(patternOf(call), issues));
	}

	private static CelExpr patternOf(CelExpr call) {
		return call.call().target().isPresent() ? call.call().args().get(0) : call.call().args().get(1);
	}

	private void check(CelExpr pattern, IssuesFactory issues) {
		boolean literal = pattern.exprKind().getKind() == Kind.CONSTANT
				&& pattern.constant().getKind() == CelConstant.Kind.STRING_VALUE;
		if (!literal) {
			return;
		}
		try {
			int size = Pattern.compile(pattern.constant().stringValue()).programSize();
			if (size > this.maxProgramSize) {
				issues.addError(pattern.id(), "regular expression is too complex: its RE2 program has " + size
						+ " instructions; the limit is " + this.maxProgramSize);
			}
		}
		catch (PatternSyntaxException ex) {
			issues.addError(pattern.id(), "invalid regular expression: " + ex.getMessage());
		}
	}

}
