package dev.shipshape.catalog.importing;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;

/**
 * One file of an upload: its name as the caller knows it (e.g. {@code acme/org.yaml}, a path in
 * the repository) and its content, read once as a stream. {@code Location} targets are matched
 * against these names.
 */
public record DescriptorFile(String name, InputStreamSource content) {

	public DescriptorFile {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(content, "content");
	}

	public static DescriptorFile of(String name, byte[] content) {
		return new DescriptorFile(name, new ByteArrayResource(content));
	}

	public static DescriptorFile of(String name, String yaml) {
		return of(name, yaml.getBytes(StandardCharsets.UTF_8));
	}
}
