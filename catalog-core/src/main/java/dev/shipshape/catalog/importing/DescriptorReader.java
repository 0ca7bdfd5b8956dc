package dev.shipshape.catalog.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the files of an upload document by document into descriptors. Each document's node tree
 * is dropped as soon as it has been mapped, so memory holds the compact descriptors only. The
 * YAML loader constructs no Java objects from tags and is bounded in document size, aliases
 * and nesting; a file that is not UTF-8 or not YAML is reported with its position.
 */
final class DescriptorReader {

	private final CatalogImportProperties properties;

	DescriptorReader(CatalogImportProperties properties) {
		this.properties = properties;
	}

	/** The descriptors of all files, and the problems that stopped reading a file. */
	record Result(List<Descriptor> descriptors, List<ImportProblem> problems) {
	}

	Result read(List<DescriptorFile> files) {
		UploadBudget budget = new UploadBudget(this.properties.maxUploadSize());
		LocationTargets locations = new LocationTargets(files.stream().map(DescriptorFile::name).toList());
		List<Descriptor> descriptors = new ArrayList<>();
		List<ImportProblem> problems = new ArrayList<>();
		if (files.isEmpty()) {
			// Empty on purpose is a file without entities; nothing at all is a mistake that pruning would punish.
			problems.add(new ImportProblem(null, null, null, null, "files", "nothing was uploaded: give at least one file"));
		}
		for (DescriptorFile file : files) {
			read(file, budget, locations, descriptors, problems);
		}
		return new Result(descriptors, problems);
	}

	private void read(DescriptorFile file, UploadBudget budget, LocationTargets locations, List<Descriptor> descriptors,
			List<ImportProblem> problems) {
		Yaml yaml = new Yaml(new SafeConstructor(loaderOptions()));
		int document = 1;
		int nextLine = 1;
		try (InputStream in = file.content().getInputStream(); Reader reader = new StrictUtf8Reader(budget.meter(in))) {
			Iterator<Node> documents = yaml.composeAll(reader).iterator();
			// Counted before reading, so that a problem names the document being read.
			for (document = 1; documents.hasNext(); document++) {
				Node root = documents.next();
				if (!isEmpty(root)) {
					int line = DocumentFields.line(root);
					descriptors.add(new DocumentReader(file.name(), document, line, locations).read(root));
				}
				nextLine = root.getEndMark().getLine() + 1;
			}
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : nextLine;
			problems.add(problem(file, document, line, "is not valid YAML: " + describe(ex)));
		}
		catch (YAMLException ex) {
			problems.add(refusal(file, document, nextLine, ex));
		}
		catch (IOException ex) {
			problems.add(problem(file, null, null, "cannot be read: " + ex.getMessage()));
		}
	}

	private LoaderOptions loaderOptions() {
		LoaderOptions options = new LoaderOptions();
		options.setCodePointLimit(this.properties.maxDocumentCodePoints());
		options.setMaxAliasesForCollections(this.properties.maxAliases());
		options.setNestingDepthLimit(this.properties.maxNestingDepth());
		options.setAllowRecursiveKeys(false);
		options.setAllowDuplicateKeys(false);
		options.setProcessComments(false);
		options.setTagInspector((tag) -> false);
		return options;
	}

	/** Problems without a position in the YAML: bad bytes, or a limit the document goes beyond. */
	private ImportProblem refusal(DescriptorFile file, int document, int line, YAMLException ex) {
		if (ex.getCause() instanceof NotUtf8Exception notUtf8) {
			return problem(file, document, notUtf8.line(), "is not UTF-8: the bytes at line " + notUtf8.line() + ", column "
					+ notUtf8.column() + " (byte " + notUtf8.byteOffset() + ") are no UTF-8 character; save the file as UTF-8");
		}
		String message = String.valueOf(ex.getMessage());
		if (message.contains("aliases for non-scalar nodes")) {
			return problem(file, document, line, "uses more than " + this.properties.maxAliases()
					+ " aliases to lists or mappings in one document; refused as a possible alias bomb");
		}
		if (message.contains("exceeds the limit")) {
			return problem(file, document, line, "has a document longer than " + this.properties.maxDocumentCodePoints()
					+ " characters, the most one entity may take");
		}
		if (message.contains("Nesting Depth")) {
			return problem(file, document, line, "nests lists or mappings deeper than " + this.properties.maxNestingDepth()
					+ " levels");
		}
		return problem(file, document, line, "is not valid YAML: " + message.lines().findFirst().orElse(message));
	}

	private static ImportProblem problem(DescriptorFile file, Integer document, Integer line, String message) {
		return new ImportProblem(file.name(), document, line, null, null, message);
	}

	/** The problem and its context without snakeyaml's echo of the input. */
	private static String describe(MarkedYAMLException ex) {
		String problem = (ex.getProblem() != null) ? ex.getProblem() : "cannot be parsed";
		String context = (ex.getContext() != null) ? " (" + ex.getContext() + ")" : "";
		int column = (ex.getProblemMark() != null) ? ex.getProblemMark().getColumn() + 1 : 0;
		return problem + context + ((column > 0) ? " at column " + column : "");
	}

	private static boolean isEmpty(Node root) {
		return root instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag()) && scalar.getValue().isEmpty();
	}
}
