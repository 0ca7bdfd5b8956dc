package dev.shipshape.scorecard;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.cel.common.Operator;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelComprehension;
import dev.cel.common.ast.CelExpr.ExprKind.Kind;

/**
 * The fields of the subject an expression reads, found by walking its checked syntax tree for
 * selection chains ({@code release.facts.coverage}, {@code service.links["runbook"]}) rooted at
 * a subject variable. Comprehension variables that shadow a subject variable are respected.
 */
final class ReadPaths {

	static final Set<String> SUBJECT_VARIABLES = Set.of("service", "release", "owner");

	private final Map<FactPath, Boolean> valueReads = new LinkedHashMap<>();

	private final Map<Long, FactPath> selectedAfter = new HashMap<>();

	private ReadPaths() {
	}

	/**
	 * Every path the expression reads, in reading order, each mapped to whether its value is read
	 * (rather than only tested with {@code has()}).
	 */
	Map<FactPath, Boolean> valueReads() {
		return this.valueReads;
	}

	/**
	 * For each operand in a selection chain (and each constant index key), the path its parent
	 * selects: when evaluation stops right after that operand, this path could not be read.
	 */
	Map<Long, FactPath> selectedAfter() {
		return this.selectedAfter;
	}

	static ReadPaths of(CelExpr expr) {
		ReadPaths paths = new ReadPaths();
		paths.walk(expr, Set.of());
		return paths;
	}

	private void walk(CelExpr expr, Set<String> shadowed) {
		Optional<FactPath> chain = chain(expr, shadowed);
		if (chain.isPresent()) {
			boolean presenceTestOnly = expr.exprKind().getKind() == Kind.SELECT && expr.select().testOnly();
			this.valueReads.merge(chain.get(), !presenceTestOnly, Boolean::logicalOr);
			return;
		}
		switch (expr.exprKind().getKind()) {
			case SELECT -> walk(expr.select().operand(), shadowed);
			case CALL -> {
				expr.call().target().ifPresent((target) -> walk(target, shadowed));
				expr.call().args().forEach((arg) -> walk(arg, shadowed));
			}
			case LIST -> expr.list().elements().forEach((element) -> walk(element, shadowed));
			case MAP -> expr.map().entries().forEach((entry) -> {
				walk(entry.key(), shadowed);
				walk(entry.value(), shadowed);
			});
			case STRUCT -> expr.struct().entries().forEach((entry) -> walk(entry.value(), shadowed));
			case COMPREHENSION -> walkComprehension(expr.comprehension(), shadowed);
			default -> {
				// constants and identifiers that are not subject variables read nothing
			}
		}
	}

	private void walkComprehension(CelComprehension comprehension, Set<String> shadowed) {
		walk(comprehension.iterRange(), shadowed);
		walk(comprehension.accuInit(), shadowed);
		Set<String> inner = new HashSet<>(shadowed);
		inner.add(comprehension.iterVar());
		inner.add(comprehension.iterVar2());
		inner.add(comprehension.accuVar());
		walk(comprehension.loopCondition(), inner);
		walk(comprehension.loopStep(), inner);
		walk(comprehension.result(), inner);
	}

	private Optional<FactPath> chain(CelExpr expr, Set<String> shadowed) {
		Deque<String> segments = new ArrayDeque<>();
		Deque<List<Long>> followers = new ArrayDeque<>();
		CelExpr current = expr;
		while (true) {
			switch (current.exprKind().getKind()) {
				case SELECT -> {
					segments.addFirst(current.select().field());
					current = current.select().operand();
					followers.addFirst(List.of(current.id()));
				}
				case CALL -> {
					Optional<String> key = constantIndex(current);
					if (key.isEmpty()) {
						return Optional.empty();
					}
					segments.addFirst(key.get());
					CelExpr keyExpr = current.call().args().get(1);
					current = current.call().args().get(0);
					followers.addFirst(List.of(current.id(), keyExpr.id()));
				}
				case IDENT -> {
					String name = current.ident().name();
					if (!SUBJECT_VARIABLES.contains(name) || shadowed.contains(name)) {
						return Optional.empty();
					}
					return Optional.of(remember(name, List.copyOf(segments), List.copyOf(followers)));
				}
				default -> {
					return Optional.empty();
				}
			}
		}
	}

	private FactPath remember(String root, List<String> segments, List<List<Long>> followers) {
		for (int i = 0; i < segments.size(); i++) {
			FactPath selected = new FactPath(root, segments.subList(0, i + 1));
			followers.get(i).forEach((id) -> this.selectedAfter.put(id, selected));
		}
		return new FactPath(root, segments);
	}

	private static Optional<String> constantIndex(CelExpr call) {
		boolean index = call.call().function().equals(Operator.INDEX.getFunction()) && call.call().args().size() == 2;
		if (!index) {
			return Optional.empty();
		}
		CelExpr key = call.call().args().get(1);
		boolean stringKey = key.exprKind().getKind() == Kind.CONSTANT
				&& key.constant().getKind() == CelConstant.Kind.STRING_VALUE;
		return stringKey ? Optional.of(key.constant().stringValue()) : Optional.empty();
	}

}
