package dev.shipshape.scorecard;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads and writes scorecards as YAML.
 *
 * <pre>
 * key: production-readiness
 * name: Production readiness
 * description: What every service must meet before it ships.   # optional
 * appliesTo: service.lifecycle != "deprecated"                   # optional CEL filter
 * levels:                                                        # lowest first
 *   - key: bronze
 *     name: Minimum bar
 *     blocking: true                                             # optional, default false
 *   - key: silver
 *     name: Silver
 * rules:
 *   - key: owner-set
 *     title: An owner is set
 *     description: Someone answers for the service.              # optional
 *     level: bronze
 *     expression: service.owner != ""
 *     remediation: Set spec.owner in catalog-info.yaml.          # optional
 *     effectiveFrom: 2027-01-01T00:00:00Z                        # optional; a date means midnight UTC
 * </pre>
 *
 * <p>Reading is strict: unknown or repeated fields, wrong types and missing required fields are
 * reported with their line and column. Documents are parsed with SnakeYAML's safe constructor and
 * limits on size, nesting and aliases, so untrusted documents can be read.
 */
public final class ScorecardYaml {

	/** Largest document read, in code points. */
	public static final int MAX_DOCUMENT_CODE_POINTS = 1_000_000;

	private static final Set<String> SCORECARD_FIELDS = Set.of("key", "name", "description", "appliesTo", "levels",
			"rules");

	private static final Set<String> LEVEL_FIELDS = Set.of("key", "name", "blocking");

	private static final Set<String> RULE_FIELDS = Set.of("key", "title", "description", "level", "expression",
			"remediation", "effectiveFrom");

	private ScorecardYaml() {
	}

	/**
	 * Reads one scorecard document.
	 * @throws ScorecardYamlException when the document is not valid YAML or not a scorecard
	 */
	public static Scorecard read(Reader reader) {
		Node root;
		try {
			root = new Yaml(new SafeConstructor(loaderOptions())).compose(reader);
		}
		catch (MarkedYAMLException ex) {
			String problem = (ex.getContext() != null) ? ex.getContext() + ", " + ex.getProblem() : ex.getProblem();
			throw at(ex.getProblemMark(), "invalid YAML: " + problem, ex);
		}
		catch (YAMLException ex) {
			throw new ScorecardYamlException(0, 0, "invalid YAML: " + ex.getMessage(), ex);
		}
		if (root == null) {
			throw new ScorecardYamlException(0, 0, "the document is empty", null);
		}
		return scorecard(new Fields(root, "scorecard", SCORECARD_FIELDS));
	}

	/** Reads one scorecard document from a string. */
	public static Scorecard read(String yaml) {
		return read(new StringReader(yaml));
	}

	/** Writes a scorecard in the format {@link #read(Reader)} reads. */
	public static void write(Scorecard scorecard, Writer writer) {
		try {
			writer.write(write(scorecard));
			writer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes a scorecard to a string in the format {@link #read(Reader)} reads. */
	public static String write(Scorecard scorecard) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("key", scorecard.key());
		document.put("name", scorecard.name());
		putIfPresent(document, "description", scorecard.description());
		putIfPresent(document, "appliesTo", scorecard.hasFilter() ? scorecard.appliesTo() : null);
		document.put("levels", scorecard.levels().stream().map(ScorecardYaml::levelDocument).toList());
		document.put("rules", scorecard.rules().stream().map(ScorecardYaml::ruleDocument).toList());
		StringWriter out = new StringWriter();
		new Yaml(dumperOptions()).dump(document, out);
		return out.toString();
	}

	private static LoaderOptions loaderOptions() {
		LoaderOptions options = new LoaderOptions();
		options.setCodePointLimit(MAX_DOCUMENT_CODE_POINTS);
		options.setMaxAliasesForCollections(10);
		options.setAllowRecursiveKeys(false);
		options.setNestingDepthLimit(10);
		options.setAllowDuplicateKeys(false);
		return options;
	}

	private static DumperOptions dumperOptions() {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		options.setWidth(200);
		options.setSplitLines(false);
		return options;
	}

	private static Map<String, Object> levelDocument(Level level) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("key", level.key());
		document.put("name", level.name());
		document.put("blocking", level.blocking());
		return document;
	}

	private static Map<String, Object> ruleDocument(Rule rule) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("key", rule.key());
		document.put("title", rule.title());
		putIfPresent(document, "description", rule.description());
		document.put("level", rule.level());
		document.put("expression", rule.expression());
		putIfPresent(document, "remediation", rule.remediation());
		putIfPresent(document, "effectiveFrom", (rule.effectiveFrom() != null) ? rule.effectiveFrom().toString() : null);
		return document;
	}

	private static void putIfPresent(Map<String, Object> document, String field, String value) {
		if (value != null) {
			document.put(field, value);
		}
	}

	private static Scorecard scorecard(Fields fields) {
		return new Scorecard(fields.requiredString("key"), fields.requiredString("name"), fields.string("description"),
				fields.string("appliesTo"), fields.list("levels", true, ScorecardYaml::level),
				fields.list("rules", false, ScorecardYaml::rule));
	}

	private static Level level(Fields fields) {
		return new Level(fields.requiredString("key"), fields.requiredString("name"), fields.bool("blocking"));
	}

	private static Rule rule(Fields fields) {
		return new Rule(fields.requiredString("key"), fields.requiredString("title"), fields.string("description"),
				fields.requiredString("level"), fields.requiredString("expression"), fields.string("remediation"),
				fields.instant("effectiveFrom"));
	}

	private static ScorecardYamlException at(Node node, String problem) {
		return at(node.getStartMark(), problem, null);
	}

	private static ScorecardYamlException at(Mark mark, String problem, Throwable cause) {
		return (mark != null) ? new ScorecardYamlException(mark.getLine() + 1, mark.getColumn() + 1, problem, cause)
				: new ScorecardYamlException(0, 0, problem, cause);
	}

	/** The fields of one YAML mapping, checked against the names it may have. */
	private static final class Fields {

		private final Node node;

		private final String path;

		private final Map<String, Node> values = new HashMap<>();

		Fields(Node node, String path, Set<String> allowed) {
			this.node = node;
			this.path = path;
			if (!(node instanceof MappingNode mapping)) {
				throw at(node, path + " must be a mapping of fields");
			}
			for (NodeTuple tuple : mapping.getValue()) {
				String name = scalarText(tuple.getKeyNode(), path + " field name");
				if (!allowed.contains(name)) {
					throw at(tuple.getKeyNode(), path + ": unknown field '" + name + "' (expected one of "
							+ String.join(", ", allowed.stream().sorted().toList()) + ")");
				}
				if (this.values.put(name, tuple.getValueNode()) != null) {
					throw at(tuple.getKeyNode(), path + ": field '" + name + "' is repeated");
				}
			}
		}

		String string(String name) {
			Node value = this.values.get(name);
			return (value == null || isNull(value)) ? null : scalarText(value, where(name));
		}

		String requiredString(String name) {
			String value = string(name);
			if (value == null) {
				Node at = this.values.getOrDefault(name, this.node);
				throw at(at, where(name) + " is required");
			}
			return value;
		}

		boolean bool(String name) {
			String value = string(name);
			if (value == null) {
				return false;
			}
			return switch (value.toLowerCase(Locale.ROOT)) {
				case "true" -> true;
				case "false" -> false;
				default -> throw at(this.values.get(name), where(name) + " must be true or false, not '" + value + "'");
			};
		}

		Instant instant(String name) {
			String value = string(name);
			if (value == null) {
				return null;
			}
			try {
				if (value.length() == 10) {
					return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
				}
				return OffsetDateTime.parse(value).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw at(this.values.get(name),
						where(name) + " must be a date (2027-01-31) or an instant (2027-01-31T00:00:00Z), not '" + value + "'");
			}
		}

		<T> List<T> list(String name, boolean required, Function<Fields, T> element) {
			Node value = this.values.get(name);
			if (value == null || isNull(value)) {
				if (required) {
					throw at((value != null) ? value : this.node, where(name) + " is required");
				}
				return List.of();
			}
			if (!(value instanceof SequenceNode sequence)) {
				throw at(value, where(name) + " must be a list");
			}
			List<T> elements = new ArrayList<>();
			Set<String> allowed = name.equals("levels") ? LEVEL_FIELDS : RULE_FIELDS;
			for (int i = 0; i < sequence.getValue().size(); i++) {
				elements.add(element.apply(new Fields(sequence.getValue().get(i), name + "[" + i + "]", allowed)));
			}
			return elements;
		}

		private String where(String name) {
			return this.path.equals("scorecard") ? name : this.path + "." + name;
		}

		private static boolean isNull(Node node) {
			return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
		}

		private static String scalarText(Node node, String what) {
			if (!(node instanceof ScalarNode scalar)) {
				throw at(node, what + " must be a single value, not a " + ((node instanceof SequenceNode) ? "list" : "mapping"));
			}
			return scalar.getValue();
		}

	}

}
