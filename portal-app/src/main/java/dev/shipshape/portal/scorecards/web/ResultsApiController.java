package dev.shipshape.portal.scorecards.web;

import java.util.List;
import java.util.Map;

import dev.shipshape.catalog.FactSheet;
import dev.shipshape.catalog.ServiceFacts;
import dev.shipshape.portal.scorecards.ScorecardResults;
import dev.shipshape.portal.scorecards.ScorecardResults.ServiceScorecard;
import dev.shipshape.portal.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service's facts, which integrations push, and its scorecard results, which they drive. */
@RestController
@RequestMapping("/api/v1/services/{name}")
@Tag(name = "Facts and results", description = "Facts integrations push about a service, and its scorecard results")
class ResultsApiController {

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final ServiceFacts facts;

	private final ScorecardResults results;

	private final JsonMapper json;

	ResultsApiController(ServiceFacts facts, ScorecardResults results, JsonMapper json) {
		this.facts = facts;
		this.results = results;
		this.json = json;
	}

	@GetMapping("/facts")
	FactSheet facts(@PathVariable String name) {
		return this.facts.get(name);
	}

	@PutMapping("/facts")
	@Operation(summary = "Replace all facts", description = "A JSON object of facts; each is stamped with the time and the reporter")
	@PreAuthorize("@catalogPermissions.canWriteFacts(authentication, #name)")
	FactSheet replaceFacts(@PathVariable String name, @RequestBody JsonNode body, Authentication authentication) {
		return this.facts.replace(name, object(body), authentication.getName());
	}

	@PatchMapping("/facts")
	@Operation(summary = "Merge facts", description = "Named facts are set; a null value removes the fact; others stay")
	@PreAuthorize("@catalogPermissions.canWriteFacts(authentication, #name)")
	FactSheet mergeFacts(@PathVariable String name, @RequestBody JsonNode body, Authentication authentication) {
		return this.facts.merge(name, object(body), authentication.getName());
	}

	@GetMapping("/scorecards")
	@Operation(summary = "The current evaluation of the service by every active scorecard",
			description = "As stored by the last evaluation; each rule that did not pass lists the facts it read")
	List<ServiceScorecard> scorecards(@PathVariable String name) {
		return this.results.forService(name);
	}

	private Map<String, Object> object(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new InvalidRequestException("body", "Facts must be a JSON object, e.g. {\"coverage\": 83.5}");
		}
		return this.json.convertValue(body, OBJECT);
	}
}
