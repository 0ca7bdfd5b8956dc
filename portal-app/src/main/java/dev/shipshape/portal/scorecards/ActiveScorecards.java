package dev.shipshape.portal.scorecards;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.shipshape.portal.scorecards.ScorecardStore.LatestVersion;
import dev.shipshape.portal.scorecards.ScorecardStore.VersionRow;
import dev.shipshape.scorecard.CompiledScorecard;
import dev.shipshape.scorecard.ScorecardCompiler;
import dev.shipshape.scorecard.ScorecardYaml;

import org.springframework.stereotype.Component;

/**
 * The newest version of every active scorecard, compiled once per version and kept: compiled
 * scorecards are immutable and thread-safe. Asking the database which versions are newest costs one
 * small query, so every instance sees a publish at once; a version's document is read only to
 * compile it.
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
		CompiledScorecard scorecard = this.compiled.computeIfAbsent(key(version.scorecardId(), version.number()),
				(key) -> compile(version.document()));
		return new ActiveScorecard(version.scorecardId(), version.number(), version.ownerTeam(), scorecard);
	}

	private ActiveScorecard active(LatestVersion latest) {
		CompiledScorecard scorecard = this.compiled.computeIfAbsent(key(latest.scorecardId(), latest.number()),
				(key) -> compile(this.store.version(latest.scorecardId(), latest.number()).orElseThrow().document()));
		return new ActiveScorecard(latest.scorecardId(), latest.number(), latest.ownerTeam(), scorecard);
	}

	private CompiledScorecard compile(String document) {
		return this.compiler.compile(ScorecardYaml.read(document));
	}

	private static String key(long scorecardId, int number) {
		return scorecardId + "@" + number;
	}

	/** A published version ready to evaluate. */
	public record ActiveScorecard(long scorecardId, int version, String ownerTeam, CompiledScorecard compiled) {

		public String key() {
			return this.compiled.scorecard().key();
		}
	}
}
