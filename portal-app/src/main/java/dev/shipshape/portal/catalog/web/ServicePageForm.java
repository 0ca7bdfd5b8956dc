package dev.shipshape.portal.catalog.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.shipshape.catalog.Link;
import dev.shipshape.catalog.LinkForm;
import dev.shipshape.catalog.LinkType;
import dev.shipshape.catalog.ServiceDetails;
import dev.shipshape.catalog.ServiceForm;

/**
 * The service form of the pages: lists as comma-separated text, one field per well-known link.
 * Links the form does not show (other kinds, or a second link of a kind) are kept as they are.
 */
record ServicePageForm(String name, String title, String description, String owner, Integer tier, String lifecycle,
		String system, String tags, String dependsOn, String oncallUrl, String runbookUrl, String repoUrl,
		String dashboardUrl, String docsUrl, String chatUrl, Long version) {

	static ServicePageForm empty() {
		return new ServicePageForm(null, null, null, null, null, "production", null, null, null, null, null, null, null,
				null, null, null);
	}

	static ServicePageForm of(ServiceDetails service) {
		ServiceForm form = ServiceForm.of(service);
		return new ServicePageForm(form.name(), form.title(), form.description(), form.owner(), form.tier(),
				form.lifecycle(), form.system(), CommaSeparated.join(form.tags()), CommaSeparated.join(form.dependsOn()),
				url(service, LinkType.ONCALL), url(service, LinkType.RUNBOOK), url(service, LinkType.REPO),
				url(service, LinkType.DASHBOARD), url(service, LinkType.DOCS), url(service, LinkType.CHAT), form.version());
	}

	private static String url(ServiceDetails service, LinkType type) {
		return service.link(type).map(Link::url).orElse(null);
	}

	/** The page field that shows each well-known link type. */
	Map<LinkType, String> linkFields() {
		Map<LinkType, String> fields = new LinkedHashMap<>();
		fields.put(LinkType.ONCALL, "oncallUrl");
		fields.put(LinkType.RUNBOOK, "runbookUrl");
		fields.put(LinkType.REPO, "repoUrl");
		fields.put(LinkType.DASHBOARD, "dashboardUrl");
		fields.put(LinkType.DOCS, "docsUrl");
		fields.put(LinkType.CHAT, "chatUrl");
		return fields;
	}

	private Map<LinkType, String> linkUrls() {
		Map<LinkType, String> urls = new LinkedHashMap<>();
		urls.put(LinkType.ONCALL, this.oncallUrl);
		urls.put(LinkType.RUNBOOK, this.runbookUrl);
		urls.put(LinkType.REPO, this.repoUrl);
		urls.put(LinkType.DASHBOARD, this.dashboardUrl);
		urls.put(LinkType.DOCS, this.docsUrl);
		urls.put(LinkType.CHAT, this.chatUrl);
		return urls;
	}

	/** The catalog's form; {@code currentLinks} keeps titles and the links this form does not show. */
	ServiceForm toServiceForm(List<Link> currentLinks) {
		List<LinkForm> links = new ArrayList<>();
		linkUrls().forEach((type, url) -> {
			if (url != null && !url.isBlank()) {
				String title = currentLinks.stream()
					.filter((link) -> link.type() == type && link.url().equals(url.trim()))
					.map(Link::title)
					.filter(Objects::nonNull)
					.findFirst()
					.orElse(null);
				links.add(new LinkForm(type.value(), url.trim(), title));
			}
		});
		Set<LinkType> shownInForm = EnumSet.noneOf(LinkType.class);
		for (Link link : currentLinks) {
			boolean shown = linkUrls().containsKey(link.type()) && shownInForm.add(link.type());
			if (!shown) {
				links.add(new LinkForm(link.type().value(), link.url(), link.title()));
			}
		}
		return new ServiceForm(this.name, this.title, this.description, this.owner, this.tier, this.lifecycle,
				this.system, CommaSeparated.split(this.tags), links, CommaSeparated.split(this.dependsOn), this.version);
	}

	/** Maps a catalog field path to this form's field: {@code links[2].url} → the field of that link. */
	String pageField(String path, ServiceForm submitted) {
		String root = FormErrors.rootField(path);
		if (root.equals("links") && path.startsWith("links[")) {
			int index = Integer.parseInt(path.substring(6, path.indexOf(']')));
			LinkType type = LinkType.parse(submitted.links().get(index).type()).orElse(LinkType.OTHER);
			return linkFields().getOrDefault(type, "links");
		}
		return root;
	}
}
