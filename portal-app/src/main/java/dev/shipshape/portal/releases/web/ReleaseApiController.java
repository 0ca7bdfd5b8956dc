package dev.shipshape.portal.releases.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.shipshape.portal.releases.ReadinessDecision;
import dev.shipshape.portal.releases.ReadinessGate;
import dev.shipshape.portal.releases.ReadinessVerdict;
import dev.shipshape.portal.releases.ReleaseForm;
import dev.shipshape.portal.releases.ReleaseView;
import dev.shipshape.portal.releases.Releases;
import dev.shipshape.portal.releases.Releases.Registration;
import dev.shipshape.portal.releases.Verdict;
import dev.shipshape.portal.web.PagedResponse;
import dev.shipshape.portal.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Releases", description = "Releases, their readiness, and the gate a pipeline calls before deploying")
class ReleaseApiController {

	private final Releases releases;

	private final ReadinessGate gate;

	ReleaseApiController(Releases releases, ReadinessGate gate) {
		this.releases = releases;
		this.gate = gate;
	}

	@GetMapping("/releases")
	@Operation(summary = "The release board: recent releases across services, newest first")
	PagedResponse<ReleaseView> board(@RequestParam(required = false) String team,
			@RequestParam(required = false) String service, @RequestParam(required = false) String environment,
			@RequestParam(required = false) Verdict verdict, @PageableDefault(size = 25) Pageable pageable) {
		return PagedResponse.of(this.releases.board(team, service, environment, verdict, pageable));
	}

	@GetMapping("/services/{name}/releases")
	PagedResponse<ReleaseView> list(@PathVariable String name, @PageableDefault(size = 25) Pageable pageable) {
		return PagedResponse.of(this.releases.ofService(name, pageable));
	}

	@PostMapping("/services/{name}/releases")
	@Operation(summary = "Register a release", description = "201 when created; 200 with the existing release when "
			+ "the same data was registered before; 409 when the version exists with other data")
	@PreAuthorize("@releasePermissions.canRegister(authentication, #name)")
	ResponseEntity<ReleaseView> register(@PathVariable String name, @Valid @RequestBody ReleaseForm form,
			Authentication authentication) {
		Registration registration = this.releases.register(name, form, authentication.getName());
		if (!registration.created()) {
			return ResponseEntity.ok(registration.release());
		}
		return ResponseEntity.created(URI.create("/api/v1/services/" + registration.release().service() + "/releases/"
				+ registration.release().version())).body(registration.release());
	}

	@GetMapping("/services/{name}/releases/{version}")
	ReleaseView get(@PathVariable String name, @PathVariable String version) {
		return this.releases.find(name, version);
	}

	@PatchMapping("/services/{name}/releases/{version}")
	@Operation(summary = "Add release facts as pipeline stages finish", description = "Merges: named facts are set, "
			+ "null removes one")
	@PreAuthorize("@releasePermissions.canRegister(authentication, #name)")
	ReleaseView addFacts(@PathVariable String name, @PathVariable String version,
			@Valid @RequestBody FactsUpdate update) {
		return this.releases.addFacts(name, version, update.facts());
	}

	@GetMapping("/services/{name}/releases/{version}/readiness")
	@Operation(summary = "Is this release ready?", description = "Evaluated now; records nothing")
	@PreAuthorize("@releasePermissions.canCheckReadiness(authentication)")
	ReadinessVerdict readiness(@PathVariable String name, @PathVariable String version) {
		return this.gate.check(name, version);
	}

	@PostMapping("/services/{name}/releases/{version}/gate")
	@Operation(summary = "The deploy gate", description = "Records an immutable decision. 200 when ready; 409 with the "
			+ "verdict as a problem detail when blocked, so that `curl --fail` stops the deploy")
	@PreAuthorize("@releasePermissions.canCallGate(authentication, #name)")
	ResponseEntity<?> gate(@PathVariable String name, @PathVariable String version, Authentication authentication) {
		ReadinessDecision decision = this.gate.decide(name, version, authentication.getName());
		if (decision.verdict() == Verdict.READY) {
			return ResponseEntity.ok(decision);
		}
		return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(blocked(decision));
	}

	@GetMapping("/services/{name}/releases/{version}/decisions")
	@Operation(summary = "Every gate decision of the release, newest first, with what each saw")
	List<ReadinessDecision> decisions(@PathVariable String name, @PathVariable String version) {
		return this.gate.decisions(name, version);
	}

	private static ProblemDetail blocked(ReadinessDecision decision) {
		ReadinessVerdict verdict = decision.seen().verdict();
		String failures = String.join("; ", verdict.blockingFailures()
			.stream()
			.map((failure) -> failure.scorecardKey() + "/" + failure.ruleKey() + ": " + failure.title())
			.toList());
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "release-blocked", "Release is not ready",
				"Release " + decision.version() + " of " + decision.service() + " does not meet the minimum bar: "
						+ failures);
		problem.setProperty("verdict", decision.verdict());
		problem.setProperty("decisionId", decision.id());
		problem.setProperty("blockingFailures", verdict.blockingFailures());
		problem.setProperty("waived", verdict.waived());
		problem.setProperty("scorecards", verdict.scorecards());
		return problem;
	}

	/** Facts to merge into a release. */
	record FactsUpdate(@NotNull Map<String, Object> facts) {
	}
}
