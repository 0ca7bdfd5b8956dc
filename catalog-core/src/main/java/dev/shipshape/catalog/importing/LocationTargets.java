package dev.shipshape.catalog.importing;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Follows {@code Location} entities within one upload: a target that is a file of the same upload
 * (relative to the Location's file, or by its file name when the upload has no folders) is read
 * with it, exactly once; anything else (URLs, files not uploaded) is never fetched, and the plan
 * says so.
 */
final class LocationTargets {

	private final Set<String> paths;

	private final Map<String, List<String>> byFileName;

	LocationTargets(Collection<String> uploadNames) {
		this.paths = uploadNames.stream()
			.map(LocationTargets::normalize)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		this.byFileName = this.paths.stream().collect(Collectors.groupingBy(LocationTargets::fileName));
	}

	String describe(String locationFile, List<String> targets) {
		List<String> followed = targets.stream()
			.map((target) -> resolve(locationFile, target))
			.filter(Objects::nonNull)
			.toList();
		List<String> notFetched = targets.stream().filter((target) -> resolve(locationFile, target) == null).toList();
		StringBuilder reason = new StringBuilder("Location: ");
		if (!followed.isEmpty()) {
			reason.append("its targets in this upload are imported with it (").append(String.join(", ", followed)).append(')');
		}
		if (!notFetched.isEmpty()) {
			reason.append(followed.isEmpty() ? "" : "; ")
				.append("not fetched, only files of the same upload are read: ")
				.append(String.join(", ", notFetched));
		}
		if (targets.isEmpty()) {
			reason.append("no targets");
		}
		return reason.toString();
	}

	/** The upload file a target names, or null. */
	String resolve(String locationFile, String target) {
		String path = target.startsWith("file:") ? target.substring(5) : target;
		if (path.contains("://") || path.startsWith("url:")) {
			return null;
		}
		String location = Objects.requireNonNullElse(normalize(locationFile), "");
		String folder = location.substring(0, location.lastIndexOf('/') + 1);
		String resolved = normalize(path.startsWith("/") ? path.substring(1) : folder + path);
		if (resolved != null && this.paths.contains(resolved)) {
			return resolved;
		}
		List<String> sameName = (resolved != null) ? this.byFileName.getOrDefault(fileName(resolved), List.of()) : List.of();
		return (sameName.size() == 1) ? sameName.get(0) : null;
	}

	/** Resolves {@code .} and {@code ..} segments; null when the path climbs above the upload. */
	static String normalize(String path) {
		Deque<String> segments = new ArrayDeque<>();
		for (String segment : path.replace('\\', '/').split("/")) {
			if (segment.isEmpty() || segment.equals(".")) {
				continue;
			}
			if (segment.equals("..")) {
				if (segments.isEmpty()) {
					return null;
				}
				segments.removeLast();
			}
			else {
				segments.addLast(segment);
			}
		}
		return String.join("/", segments);
	}

	private static String fileName(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}
}
