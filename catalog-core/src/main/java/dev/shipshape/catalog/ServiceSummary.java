package dev.shipshape.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A service as lists show it. {@code owner} is null for an unowned service. */
public record ServiceSummary(String name, String title, Owner owner, Integer tier, String lifecycle, String system,
		List<String> tags) {

	@JsonIgnore
	public boolean isUnowned() {
		return this.owner == null;
	}
}
