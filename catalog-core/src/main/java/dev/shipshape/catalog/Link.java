package dev.shipshape.catalog;

public record Link(LinkType type, String url, String title) {

	/** The title when there is one, else the label of the link's type. */
	public String label() {
		return (this.title != null && !this.title.isBlank()) ? this.title : this.type.label();
	}
}
