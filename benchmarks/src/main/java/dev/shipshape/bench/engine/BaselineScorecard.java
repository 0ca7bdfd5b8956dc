package dev.shipshape.bench.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dev.shipshape.scorecard.Scorecard;
import dev.shipshape.scorecard.ScorecardYaml;

/** The 30 rules of the rule-engine comparison, as a scorecard ({@code baseline-rules.yaml}). */
public final class BaselineScorecard {

	/** Classpath resource of the scorecard. */
	public static final String RESOURCE = "/baseline-rules.yaml";

	private BaselineScorecard() {
	}

	/** Reads the scorecard from the classpath. */
	public static Scorecard read() {
		try (InputStream in = BaselineScorecard.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + RESOURCE);
			}
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
				return ScorecardYaml.read(reader);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
