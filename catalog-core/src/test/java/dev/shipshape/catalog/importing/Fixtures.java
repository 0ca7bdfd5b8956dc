package dev.shipshape.catalog.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Backstage example descriptors (see {@code backstage-examples/SOURCE.md}), as files named by
 * their path in that folder, e.g. {@code acme/org.yaml}.
 */
final class Fixtures {

	static final String INVALID = "components/invalid-component.yaml";

	private Fixtures() {
	}

	static List<DescriptorFile> all() {
		try (Stream<Path> paths = Files.walk(root())) {
			return paths.filter((path) -> path.toString().endsWith(".yaml")).sorted().map(Fixtures::file).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<DescriptorFile> allExcept(String name) {
		return all().stream().filter((file) -> !file.name().equals(name)).toList();
	}

	static DescriptorFile file(String name) {
		return file(root().resolve(name));
	}

	private static DescriptorFile file(Path path) {
		try {
			return DescriptorFile.of(root().relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path root() {
		try {
			return Path.of(Fixtures.class.getResource("/backstage-examples").toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
