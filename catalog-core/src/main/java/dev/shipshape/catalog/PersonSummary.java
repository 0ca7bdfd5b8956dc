package dev.shipshape.catalog;

public record PersonSummary(String name, String displayName, String email, String chat) {

	public String label() {
		return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName : this.name;
	}
}
