package dev.shipshape.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of link a service carries; {@link #OTHER} holds anything else worth keeping. */
public enum LinkType {

	REPO("Repository"), RUNBOOK("Runbook"), ONCALL("On-call"), DASHBOARD("Dashboard"), DOCS("Docs"), CHAT("Chat"),
	OTHER("Link");

	private final String label;

	LinkType(String label) {
		this.label = label;
	}

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String label() {
		return this.label;
	}

	public static Optional<LinkType> parse(String value) {
		return Arrays.stream(values()).filter((type) -> type.value().equalsIgnoreCase(value)).findFirst();
	}
}
