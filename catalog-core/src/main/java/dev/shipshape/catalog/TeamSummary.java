package dev.shipshape.catalog;

public record TeamSummary(String name, String displayName, String email, String chatChannel, String parent,
		long serviceCount) {

	public String label() {
		return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName : this.name;
	}
}
