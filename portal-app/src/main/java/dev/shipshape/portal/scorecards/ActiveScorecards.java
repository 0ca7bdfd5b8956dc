package dev.shipshape.portal.scorecards;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

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
		return new ActiveScorecard(version.scorecardId(), version.number(), version.ownerTeam(),
				compiled(version.scorecardId(), version.number(), version::document));
	}

	private ActiveScorecard active(LatestVersion latest) {
		return new ActiveScorecard(latest.scorecardId(), latest.number(), latest.ownerTeam(),
				compiled(latest.scorecardId(), latest.number()));
	}

	/** A published version of a scorecard, compiled; it must exist. */
	CompiledScorecard compiled(long scorecardId, int number) {
		return compiled(scorecardId, number, () -> this.store.version(scorecardId, number).orElseThrow().document());
	}

	/** The document is read only when this version has not been compiled yet. */
	private CompiledScorecard compiled(long scorecardId, int number, Supplier<String> document) {
		return this.compiled.computeIfAbsent(key(scorecardId, number),
				(key) -> this.compiler.compile(ScorecardYaml.read(document.get())));
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
