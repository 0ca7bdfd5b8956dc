package dev.shipshape.catalog.importing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads typed fields of one YAML document from its node tree, collecting a problem with line and
 * field for every value of the wrong type. Only the fields an import uses are read, so aliases in
 * other parts of a document are never expanded.
 */
final class DocumentFields {

	private final String file;

	private final int document;

	private final List<ImportProblem> problems = new ArrayList<>();

	private String entity;

	DocumentFields(String file, int document) {
		this.file = file;
		this.document = document;
	}

	void entity(String ref) {
		this.entity = ref;
	}

	List<ImportProblem> problems() {
		return Collections.unmodifiableList(this.problems);
	}

	void problem(Node at, String field, String message) {
		this.problems.add(new ImportProblem(this.file, this.document, line(at), this.entity, field, message));
	}

	static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

	/** The entries of a mapping by key, or null when the node is absent or null. */
	Map<String, Node> mapping(Node node, String field) {
		if (node == null || isNull(node) || !supportedTag(node, field)) {
			return null;
		}
		if (!(node instanceof MappingNode mapping)) {
			problem(node, field, "must be a mapping (key: value), not " + describe(node));
			return null;
		}
		Map<String, Node> entries = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String key = key(tuple.getKeyNode(), field);
			if (key == null) {
				continue;
			}
			if (entries.putIfAbsent(key, tuple.getValueNode()) != null) {
				problem(tuple.getKeyNode(), path(field, key), "appears twice in the same mapping");
			}
		}
		return entries;
	}

	private String key(Node node, String field) {
		if (node instanceof ScalarNode scalar && Tag.MERGE.equals(scalar.getTag())) {
			problem(node, field, "merge keys (<<) are not supported; write the fields out");
			return null;
		}
		if (!(node instanceof ScalarNode scalar) || isNull(node)) {
			problem(node, field, "keys must be plain text, not " + describe(node));
			return null;
		}
		return scalar.getValue();
	}

	Map<String, Node> mapping(Map<String, Node> parent, String key, String field) {
		return (parent != null) ? mapping(parent.get(key), field) : null;
	}

	/** A text value, trimmed; null when absent, null or blank. */
	String string(Map<String, Node> parent, String key, String field) {
		return (parent != null) ? string(parent.get(key), field) : null;
	}

	String string(Node node, String field) {
		if (node == null || isNull(node) || !supportedTag(node, field)) {
			return null;
		}
		if (node instanceof ScalarNode scalar && Tag.STR.equals(scalar.getTag())) {
			String value = scalar.getValue().trim();
			return value.isEmpty() ? null : value;
		}
		if (node instanceof ScalarNode scalar) {
			problem(node, field, "must be text, not " + describe(node) + " (write '" + scalar.getValue() + "' in quotes)");
		}
		else {
			problem(node, field, "must be text, not " + describe(node));
		}
		return null;
	}

	String requiredString(Map<String, Node> parent, Node owner, String key, String field) {
		Node node = (parent != null) ? parent.get(key) : null;
		String value = string(node, field);
		if (value == null && (node == null || isNull(node) || isBlank(node))) {
			problem((node != null) ? node : owner, field, "is required");
		}
		return value;
	}

	String limited(String value, Node at, String field, int maxLength) {
		if (value != null && value.length() > maxLength) {
			problem(at, field, "is " + value.length() + " characters long; at most " + maxLength + " are allowed");
			return null;
		}
		return value;
	}

	/** The nodes of a list; a missing or null list is empty. */
	List<Node> list(Map<String, Node> parent, String key, String field) {
		Node node = (parent != null) ? parent.get(key) : null;
		if (node == null || isNull(node) || !supportedTag(node, field)) {
			return List.of();
		}
		if (!(node instanceof SequenceNode sequence)) {
			problem(node, field, "must be a list, not " + describe(node));
			return List.of();
		}
		return sequence.getValue();
	}

	/** The text elements of a list, each checked like {@link #string(Node, String)}. */
	List<Element> strings(Map<String, Node> parent, String key, String field) {
		List<Node> nodes = list(parent, key, field);
		List<Element> values = new ArrayList<>(nodes.size());
		for (int i = 0; i < nodes.size(); i++) {
			String elementField = field + "[" + i + "]";
			String value = string(nodes.get(i), elementField);
			if (value != null) {
				values.add(new Element(value, nodes.get(i), elementField));
			}
			else if (isNull(nodes.get(i)) || isBlank(nodes.get(i))) {
				problem(nodes.get(i), elementField, "must not be empty");
			}
		}
		return values;
	}

	Node node(Map<String, Node> parent, String key) {
		return (parent != null) ? parent.get(key) : null;
	}

	private boolean supportedTag(Node node, String field) {
		if (!node.getTag().getValue().startsWith(Tag.PREFIX)) {
			problem(node, field, "the tag " + node.getTag().getValue() + " is not supported");
			return false;
		}
		return true;
	}

	private static boolean isNull(Node node) {
		return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
	}

	private static boolean isBlank(Node node) {
		return node instanceof ScalarNode scalar && scalar.getValue().isBlank();
	}

	private static String describe(Node node) {
		if (node instanceof MappingNode) {
			return "a mapping";
		}
		if (node instanceof SequenceNode) {
			return "a list";
		}
		Tag tag = node.getTag();
		if (Tag.STR.equals(tag)) {
			return "text";
		}
		if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
			return "a number";
		}
		if (Tag.BOOL.equals(tag)) {
			return "true/false";
		}
		if (Tag.TIMESTAMP.equals(tag)) {
			return "a date";
		}
		return "a value of type " + tag.getValue();
	}

	static String path(String parent, String key) {
		return (parent == null || parent.isEmpty()) ? key : parent + "." + key;
	}

	/** One text element of a list with its node and field, for problems about it. */
	record Element(String value, Node node, String field) {
	}
}
