package dev.shipshape.catalog;

import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

@Embeddable
class ServiceLink {

	@Convert(converter = LinkTypeConverter.class)
	private LinkType type;

	private String url;

	private String title;

	protected ServiceLink() {
	}

	ServiceLink(LinkType type, String url, String title) {
		this.type = type;
		this.url = url;
		this.title = title;
	}

	LinkType getType() {
		return this.type;
	}

	String getUrl() {
		return this.url;
	}

	String getTitle() {
		return this.title;
	}
}
