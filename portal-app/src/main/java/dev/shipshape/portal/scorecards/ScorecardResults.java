package dev.shipshape.portal.scorecards;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.shipshape.catalog.CatalogEntryNotFoundException;
import dev.shipshape.catalog.CatalogNames;
import dev.shipshape.catalog.ServiceSnapshots;
import dev.shipshape.portal.scorecards.ActiveScorecards.ActiveScorecard;
import dev.shipshape.portal.scorecards.ResultStore.StoredResult;
import dev.shipshape.scorecard.Level;
import dev.shipshape.scorecard.Outcome;
import dev.shipshape.scorecard.RuleResult;
import dev.shipshape.scorecard.Scorecard;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The stored evaluation of each service by each active scorecard, as pages and the API show it. */
@Service
@Transactional(readOnly = true)
public class ScorecardResults {

	private final ResultStore results;

	private final ActiveScorecards scorecards;

	private final ServiceSnapshots snapshots;

	ScorecardResults(ResultStore results, ActiveScorecards scorecards, ServiceSnapshots snapshots) {
		this.results = results;
		this.scorecards = scorecards;
		this.snapshots = snapshots;
	}

	/**
	 * The current result per active scorecard. A scorecard published after the last evaluation of
	 * the service shows as {@code pending} until the worker gets to it.
	 */
	public List<ServiceScorecard> forService(String serviceName) {
		if (this.snapshots.find(List.of(serviceName)).isEmpty()) {
			throw new CatalogEntryNotFoundException("service", serviceName);
		}
		Map<String, StoredResult> stored = this.results.forService(CatalogNames.key(serviceName))
			.stream()
			.collect(Collectors.toMap(StoredResult::scorecardKey, Function.identity()));
		return this.scorecards.current().stream().map((active) -> view(active, stored.get(active.key()))).toList();
	}

	private static ServiceScorecard view(ActiveScorecard active, StoredResult result) {
		Scorecard scorecard = active.compiled().scorecard();
		if (result == null) {
			return new ServiceScorecard(scorecard.key(), scorecard.name(), active.version(), scorecard.levels(), true,
					true, null, false, List.of(), null);
		}
		return new ServiceScorecard(scorecard.key(), scorecard.name(), result.version(), scorecard.levels(),
				result.version() != active.version(), result.applicable(), result.level(), result.ready(),
				result.rules().stream().filter((rule) -> rule.outcome() != Outcome.NOT_APPLICABLE).toList(),
				result.evaluatedAt());
	}

	/**
	 * One scorecard's result for a service. {@code level} is the key of the highest level reached
	 * (null when none); {@code meetsMinimumBar} tells whether every blocking rule that applies to the
	 * service alone passes or is waived.
	 */
	public record ServiceScorecard(String scorecardKey, String scorecardName, int version, List<Level> levels,
			boolean pending, boolean applicable, String level, boolean meetsMinimumBar, List<RuleResult> rules,
			Instant evaluatedAt) {

		public String levelName() {
			return this.levels.stream().filter((l) -> l.key().equals(this.level)).map(Level::name).findFirst().orElse(null);
		}

		public List<RuleResult> rulesAt(String levelKey) {
			return this.rules.stream().filter((rule) -> rule.level().equals(levelKey)).toList();
		}
	}
}
