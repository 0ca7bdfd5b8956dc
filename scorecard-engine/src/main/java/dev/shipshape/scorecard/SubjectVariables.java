package dev.shipshape.scorecard;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelVariableResolver;

/**
 * The variables of one evaluation, converted for CEL: integers of any width become {@code Long},
 * other numbers {@code Double}, {@code null} CEL's null. Values nested deeper than the limit and
 * over-long strings are left out and remembered, so that a rule reading them ends in an error that
 * says why, while rules reading other fields are unaffected.
 */
final class SubjectVariables implements CelVariableResolver {

	private static final Object LEFT_OUT = new Object();

	private final Map<String, Object> variables;

	private final Map<String, String> leftOut;

	private SubjectVariables(Map<String, Object> variables, Map<String, String> leftOut) {
		this.variables = variables;
		this.leftOut = leftOut;
	}

	static SubjectVariables of(Subject subject, Instant now, EngineLimits limits) {
		Conversion conversion = new Conversion(limits);
		Map<String, Object> variables = new HashMap<>(8);
		variables.put("service", conversion.root("service", subject.service()));
		if (subject.release() != null) {
			variables.put("release", conversion.root("release", subject.release()));
		}
		variables.put("owner", conversion.root("owner", subject.owner()));
		variables.put("now", now);
		return new SubjectVariables(variables, conversion.leftOut);
	}

	@Override
	public Optional<Object> find(String name) {
		return Optional.ofNullable(this.variables.get(name));
	}

	boolean hasRelease() {
		return this.variables.containsKey("release");
	}

	/** The value at a path, as the rule sees it. */
	FactValue valueOf(FactPath path) {
		Object current = this.variables.get(path.root());
		for (String segment : path.segments()) {
			if (!(current instanceof Map<?, ?> map) || !map.containsKey(segment)) {
				return FactValue.missing(path.toString());
			}
			current = map.get(segment);
		}
		if (current == null) {
			return FactValue.missing(path.toString());
		}
		return new FactValue(path.toString(), (current instanceof NullValue) ? null : current, true);
	}

	/** Why a path cannot be read, or empty when it can. */
	Optional<String> whyMissing(FactPath path) {
		List<String> prefixes = path.prefixes();
		Object current = this.variables.get(path.root());
		for (int i = 0; i < prefixes.size(); i++) {
			String problem = this.leftOut.get(prefixes.get(i));
			if (problem != null) {
				return Optional.of("fact left out: " + problem);
			}
			if (i == prefixes.size() - 1) {
				return Optional.empty();
			}
			if (current == null || current instanceof NullValue) {
				String detail = (i == 0) ? " (no " + path.root() + ")" : " (" + prefixes.get(i) + " is null)";
				return Optional.of("missing fact: " + path + detail);
			}
			if (!(current instanceof Map<?, ?> map)) {
				return Optional.of("missing fact: " + path + " (" + prefixes.get(i) + " is " + kindOf(current)
						+ ", not an object)");
			}
			if (!map.containsKey(path.segments().get(i))) {
				String problemBelow = this.leftOut.get(prefixes.get(i + 1));
				return Optional.of((problemBelow != null) ? "fact left out: " + problemBelow
						: "missing fact: " + prefixes.get(i + 1));
			}
			current = map.get(path.segments().get(i));
		}
		return Optional.empty();
	}

	static String kindOf(Object value) {
		if (value == null || value instanceof NullValue) {
			return "null";
		}
		if (value instanceof Boolean) {
			return "a bool";
		}
		if (value instanceof Long) {
			return "an int";
		}
		if (value instanceof Double) {
			return "a double";
		}
		if (value instanceof String) {
			return "a string";
		}
		if (value instanceof List<?>) {
			return "a list";
		}
		if (value instanceof Map<?, ?>) {
			return "a map";
		}
		return "a " + value.getClass().getSimpleName();
	}

	/** One conversion of a subject; not thread-safe, used once. */
	private static final class Conversion {

		private final int maxDepth;

		private final int maxStringLength;

		private final Map<String, String> leftOut = new HashMap<>(4);

		Conversion(EngineLimits limits) {
			this.maxDepth = limits.maxFactDepth();
			this.maxStringLength = limits.maxFactStringLength();
		}

		Object root(String name, Object value) {
			Object converted = convert(value, new Trail(null, name, -1), 0);
			return (converted == LEFT_OUT) ? NullValue.NULL_VALUE : converted;
		}

		// Paths are only spelled out when something is left out: most subjects have nothing to report.
		private Object convert(Object value, Trail trail, int depth) {
			if (value == null) {
				return NullValue.NULL_VALUE;
			}
			if (value instanceof String string) {
				return (string.length() <= this.maxStringLength) ? string
						: leaveOut(trail, " is " + string.length() + " characters long; the limit is " + this.maxStringLength);
			}
			if (value instanceof Boolean || value instanceof Long || value instanceof Double
					|| value instanceof Instant) {
				return value;
			}
			if (value instanceof Number number) {
				return convertNumber(number);
			}
			if (value instanceof Map<?, ?> map) {
				return tooDeep(depth) ? leaveOutTooDeep(trail) : convertMap(map, trail, depth);
			}
			if (value instanceof Collection<?> collection) {
				return tooDeep(depth) ? leaveOutTooDeep(trail) : convertList(collection, trail, depth);
			}
			if (value instanceof Enum<?> constant) {
				return constant.name();
			}
			if (value instanceof CharSequence text) {
				return convert(text.toString(), trail, depth);
			}
			return leaveOut(trail, " is " + value.getClass().getSimpleName() + ", which rules cannot read");
		}

		private boolean tooDeep(int depth) {
			return depth >= this.maxDepth;
		}

		private Object leaveOutTooDeep(Trail trail) {
			return leaveOut(trail, " is nested deeper than " + this.maxDepth + " levels");
		}

		private Object convertMap(Map<?, ?> map, Trail trail, int depth) {
			Map<String, Object> converted = new HashMap<>((int) (map.size() / 0.75f) + 1);
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String key = String.valueOf(entry.getKey());
				Object value = convert(entry.getValue(), new Trail(trail, key, -1), depth + 1);
				if (value != LEFT_OUT) {
					converted.put(key, value);
				}
			}
			return converted;
		}

		private Object convertList(Collection<?> collection, Trail trail, int depth) {
			List<Object> converted = new ArrayList<>(collection.size());
			int index = 0;
			for (Object element : collection) {
				Trail elementTrail = new Trail(trail, null, index);
				Object value = convert(element, elementTrail, depth + 1);
				if (value == LEFT_OUT) {
					// Dropping one element would shift the others: leave the whole list out instead.
					return record(trail, this.leftOut.remove(elementTrail.path()));
				}
				converted.add(value);
				index++;
			}
			return converted;
		}

		private static Object convertNumber(Number number) {
			if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
				return number.longValue();
			}
			if (number instanceof BigInteger big) {
				return (big.bitLength() < Long.SIZE) ? (Object) big.longValue() : (Object) big.doubleValue();
			}
			if (number instanceof BigDecimal decimal) {
				return decimal.doubleValue();
			}
			return number.doubleValue();
		}

		private Object leaveOut(Trail trail, String why) {
			return record(trail, trail.path() + why);
		}

		private Object record(Trail trail, String message) {
			this.leftOut.put(trail.path(), message);
			return LEFT_OUT;
		}

	}

	/** Where a value sits in the subject, spelled out only when needed. */
	private record Trail(Trail parent, String key, int index) {

		String path() {
			if (this.parent == null) {
				return this.key;
			}
			return (this.key != null) ? FactPath.child(this.parent.path(), this.key)
					: this.parent.path() + "[" + this.index + "]";
		}

	}

}
