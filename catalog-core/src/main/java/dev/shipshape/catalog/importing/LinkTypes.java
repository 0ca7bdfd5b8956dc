package dev.shipshape.catalog.importing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.shipshape.catalog.LinkType;

/**
 * Maps Backstage links and well-known annotations to the catalog's link types. A link's
 * {@code type} decides, then its {@code icon}; anything unknown is {@link LinkType#OTHER}.
 */
final class LinkTypes {

	/** The URLs a service link may hold; the same rule as hand-written links. */
	static final Pattern URL = Pattern.compile("(?i)(https?|mailto):\\S+");

	/** Annotations that hold (or make) the URL of a link, in the order their links are added. */
	static final List<String> ANNOTATIONS = List.of("backstage.io/source-location", "github.com/project-slug",
			"gitlab.com/project-slug", "backstage.io/techdocs-ref", "grafana/overview-dashboard");

	private static final Map<LinkType, Set<String>> WORDS = Map.of(LinkType.REPO,
			Set.of("repo", "repository", "source", "github", "gitlab", "bitbucket", "git"), LinkType.RUNBOOK,
			Set.of("runbook", "playbook"), LinkType.ONCALL, Set.of("oncall", "on-call", "pagerduty", "opsgenie", "pager"),
			LinkType.DASHBOARD, Set.of("dashboard", "grafana", "metrics", "monitoring"), LinkType.DOCS,
			Set.of("docs", "doc", "documentation", "techdocs"), LinkType.CHAT,
			Set.of("chat", "slack", "discord", "mattermost", "teams"));

	private LinkTypes() {
	}

	static LinkType of(String type, String icon) {
		LinkType byType = word(type);
		return (byType != LinkType.OTHER) ? byType : word(icon);
	}

	private static LinkType word(String word) {
		if (word == null) {
			return LinkType.OTHER;
		}
		String normalized = word.trim().toLowerCase(Locale.ROOT);
		return WORDS.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().contains(normalized))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(LinkType.OTHER);
	}

	/**
	 * The link a well-known annotation stands for, or null when the annotation is not one or its
	 * value is no URL (e.g. {@code backstage.io/techdocs-ref: dir:.}).
	 */
	static LinkValue ofAnnotation(String key, String value) {
		return switch (key) {
			case "backstage.io/source-location" -> url(LinkType.REPO, stripPrefix(value));
			case "backstage.io/techdocs-ref" -> url(LinkType.DOCS, stripPrefix(value));
			case "github.com/project-slug" -> url(LinkType.REPO, "https://github.com/" + value);
			case "gitlab.com/project-slug" -> url(LinkType.REPO, "https://gitlab.com/" + value);
			case "grafana/overview-dashboard" -> url(LinkType.DASHBOARD, value);
			default -> null;
		};
	}

	private static String stripPrefix(String value) {
		return value.startsWith("url:") ? value.substring(4) : value;
	}

	private static LinkValue url(LinkType type, String url) {
		return (URL.matcher(url).matches() && url.length() <= 2000) ? new LinkValue(type.value(), url, null) : null;
	}
}
