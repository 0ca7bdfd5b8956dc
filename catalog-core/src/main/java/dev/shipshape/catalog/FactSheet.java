package dev.shipshape.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** All facts of a service, ordered by name. */
public record FactSheet(String service, List<Fact> facts) {

	/** The facts as one JSON-like object, the way rules read them as {@code service.facts}. */
	public Map<String, Object> values() {
		Map<String, Object> values = new LinkedHashMap<>();
		this.facts.forEach((fact) -> values.put(fact.name(), fact.value()));
		return values;
	}
}
