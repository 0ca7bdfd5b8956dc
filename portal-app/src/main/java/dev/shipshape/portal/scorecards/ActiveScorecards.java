package dev.shipshape.portal.scorecards;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.shipshape.portal.scorecards.ScorecardStore.VersionRow;
import dev.shipshape.scorecard.CompiledScorecard;
import dev.shipshape.scorecard.ScorecardCompiler;
import dev.shipshape.scorecard.ScorecardYaml;

import org.springframework.stereotype.Component;

/**
 * The newest version of every active scorecard, compiled once per version and kept: compiled
 * scorecards are immutable and thread-safe. Asking the database which versions are newest costs one
 * query, so every instance sees a publish at once.
 */
@Component
public class ActiveScorecards {

	private final ScorecardStore store;

	private final ScorecardCompiler compiler;

	private final Map<String, CompiledScorecard> compiled = new ConcurrentHashMap<>();

	ActiveScorecards(ScorecardStore store, ScorecardCompiler compiler) {
		this.store = store;
		this.compiler = compiler;
	}

	public List<ActiveScorecard> current() {
		return this.store.latestOfActiveScorecards().stream().map(this::active).toList();
	}

	ActiveScorecard active(VersionRow version) {
		CompiledScorecard scorecard = this.compiled.computeIfAbsent(version.scorecardId() + "@" + version.number(),
				(key) -> this.compiler.compile(ScorecardYaml.read(version.document())));
		return new ActiveScorecard(version.scorecardId(), version.number(), version.ownerTeam(), scorecard);
	}

	/** A published version ready to evaluate. */
	public record ActiveScorecard(long scorecardId, int version, String ownerTeam, CompiledScorecard compiled) {

		public String key() {
			return this.compiled.scorecard().key();
		}
	}
}
