package dev.shipshape.scorecard;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Scorecards that ship with Shipshape, ready to compile. */
public final class ReferenceScorecards {

	private ReferenceScorecards() {
	}

	/**
	 * "Production readiness" ({@code production-readiness}): a blocking minimum bar ({@code bronze})
	 * and two aspirational levels ({@code silver}, {@code gold}) of rules drawn from common industry
	 * practice: ownership, on-call, runbook, repository, tier and lifecycle, vulnerabilities, tests,
	 * coverage, SLOs, deployment frequency and change tickets. Deprecated services are exempt.
	 */
	public static Scorecard productionReadiness() {
		return ProductionReadiness.SCORECARD;
	}

	static Scorecard load(String resource) {
		try (InputStream in = ReferenceScorecards.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + resource);
			}
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
				return ScorecardYaml.read(reader);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final class ProductionReadiness {

		static final Scorecard SCORECARD = load("production-readiness.yaml");

	}

}
