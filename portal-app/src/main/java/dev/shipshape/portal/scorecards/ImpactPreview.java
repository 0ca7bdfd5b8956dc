package dev.shipshape.portal.scorecards;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.shipshape.catalog.ServiceSnapshot;
import dev.shipshape.catalog.ServiceSnapshots;
import dev.shipshape.scorecard.CompiledScorecard;
import dev.shipshape.scorecard.Evaluation;
import dev.shipshape.scorecard.FactsRead;
import dev.shipshape.scorecard.PreparedSubject;
import dev.shipshape.scorecard.Level;
import dev.shipshape.scorecard.RuleResult;
import dev.shipshape.scorecard.Scorecard;
import dev.shipshape.scorecard.ScorecardCompilationException;
import dev.shipshape.scorecard.ScorecardCompiler;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What publishing the draft would change: every service evaluated with the newest published version
 * and with the draft, at the same instant and with the same exceptions. Writes nothing.
 */
@Service
@Transactional(readOnly = true)
public class ImpactPreview {

	private static final Duration OPEN_RELEASES = Duration.ofDays(14);

	private static final int MAX_RELEASES = 5000;

	private final ScorecardManagement management;

	private final ScorecardStore store;

	private final ActiveScorecards active;

	private final ScorecardCompiler compiler;

	private final ServiceSnapshots snapshots;

	private final WaiverLookup waivers;

	private final OpenReleases openReleases;

	private final Clock clock;

	ImpactPreview(ScorecardManagement management, ScorecardStore store, ActiveScorecards active,
			ScorecardCompiler compiler, ServiceSnapshots snapshots, WaiverLookup waivers, OpenReleases openReleases,
			Clock clock) {
		this.management = management;
		this.store = store;
		this.active = active;
		this.compiler = compiler;
		this.snapshots = snapshots;
		this.waivers = waivers;
		this.openReleases = openReleases;
		this.clock = clock;
	}

	public Impact preview(String key) {
		var draft = this.management.draft(key);
		if (!draft.valid()) {
			throw new ScorecardProblems.InvalidDraft(key, draft.diagnostics());
		}
		CompiledScorecard after = compile(key, draft.document());
		var scorecard = this.store.find(key).orElseThrow();
		CompiledScorecard before = this.store.latest(scorecard.id()).map((v) -> this.active.active(v).compiled()).orElse(null);
		Integer fromVersion = this.store.latest(scorecard.id()).map(ScorecardStore.VersionRow::number).orElse(null);
		Instant now = this.clock.instant();
		List<ServiceImpact> changes = new ArrayList<>();
		int[] evaluated = { 0 };
		this.snapshots.forEachBatch(1000, (batch) -> {
			var live = this.waivers.liveFor(batch.stream().map(ServiceSnapshot::key).toList(), now);
			for (ServiceSnapshot service : batch) {
				var waived = WaiverLookup.select(live, service.key(), key, null);
				PreparedSubject subject = PreparedSubject.of(Subjects.of(service), now);
				Evaluation newResult = after.evaluate(subject, waived, FactsRead.RULES_NOT_PASSED);
				Evaluation oldResult = (before != null) ? before.evaluate(subject, waived, FactsRead.RULES_NOT_PASSED) : null;
				ServiceImpact impact = compare(service.name(), oldResult, newResult, draft.document().levels());
				if (impact.changed()) {
					changes.add(impact);
				}
				evaluated[0]++;
			}
		});
		return new Impact(key, fromVersion, evaluated[0], changes, Totals.of(changes, draft.document().levels()), now,
				releaseChanges(key, before, after, now));
	}

	/** Open releases (registered in the last two weeks) whose verdict by this scorecard would change. */
	private List<ReleaseImpact> releaseChanges(String key, CompiledScorecard before, CompiledScorecard after,
			Instant now) {
		List<OpenReleases.OpenRelease> releases = this.openReleases.registeredSince(now.minus(OPEN_RELEASES), MAX_RELEASES);
		Map<String, ServiceSnapshot> services = new HashMap<>();
		this.snapshots.find(releases.stream().map(OpenReleases.OpenRelease::serviceKey).distinct().toList())
			.forEach((service) -> services.put(service.key(), service));
		var live = this.waivers.liveFor(services.keySet(), now);
		List<ReleaseImpact> changes = new ArrayList<>();
		for (OpenReleases.OpenRelease release : releases) {
			ServiceSnapshot service = services.get(release.serviceKey());
			if (service == null) {
				continue;
			}
			var waived = WaiverLookup.select(live, service.key(), key, release.release().version());
			PreparedSubject subject = PreparedSubject.of(Subjects.of(service, release.release()), now);
			Evaluation newResult = after.evaluate(subject, waived, FactsRead.RULES_NOT_PASSED);
			boolean readyAfter = isReady(newResult);
			boolean readyBefore = before == null || isReady(before.evaluate(subject, waived, FactsRead.RULES_NOT_PASSED));
			if (readyBefore != readyAfter) {
				changes.add(new ReleaseImpact(service.name(), release.release().version(), readyBefore, readyAfter,
						newResult.blockingFailures().stream().map(RuleResult::ruleKey).toList()));
			}
		}
		return changes;
	}

	private static boolean isReady(Evaluation evaluation) {
		return !evaluation.applicable() || evaluation.ready();
	}

	private CompiledScorecard compile(String key, Scorecard document) {
		try {
			return this.compiler.compile(document);
		}
		catch (ScorecardCompilationException ex) {
			throw new ScorecardProblems.InvalidDraft(key, ex.diagnostics());
		}
	}

	static ServiceImpact compare(String service, Evaluation before, Evaluation after, List<Level> levels) {
		List<String> newlyFailing = new ArrayList<>();
		List<String> newlyPassing = new ArrayList<>();
		for (RuleResult result : after.results()) {
			RuleResult previous = (before != null) ? before.result(result.ruleKey()).orElse(null) : null;
			boolean failsNow = result.outcome().isMissed();
			// A failing rule moved into a blocking level newly fails the minimum bar.
			boolean failedBefore = previous != null && previous.outcome().isMissed()
					&& (previous.blocking() || !result.blocking());
			boolean passedBefore = previous != null && previous.outcome().isMet();
			if (failsNow && !failedBefore) {
				newlyFailing.add(result.ruleKey());
			}
			if (result.outcome().isMet() && !passedBefore && previous != null) {
				newlyPassing.add(result.ruleKey());
			}
		}
		String levelBefore = (before != null && before.applicable()) ? before.levelAchieved() : null;
		String levelAfter = after.applicable() ? after.levelAchieved() : null;
		boolean readyBefore = before == null || !before.applicable() || before.ready();
		boolean readyAfter = !after.applicable() || after.ready();
		return new ServiceImpact(service, levelBefore, levelAfter, readyBefore, readyAfter, newlyFailing, newlyPassing,
				Integer.compare(rank(levels, levelAfter), rank(levels, levelBefore)));
	}

	private static int rank(List<Level> levels, String level) {
		for (int i = 0; i < levels.size(); i++) {
			if (levels.get(i).key().equals(level)) {
				return i;
			}
		}
		return -1;
	}

	/** The preview: only services and open releases that would change are listed. */
	public record Impact(String key, Integer fromVersion, int servicesEvaluated, List<ServiceImpact> changes,
			Totals totals, Instant evaluatedAt, List<ReleaseImpact> releaseChanges) {
	}

	/** An open release whose verdict by this scorecard would change; {@code blockedBy} lists the rules that would block it. */
	public record ReleaseImpact(String service, String version, boolean readyBefore, boolean readyAfter,
			List<String> blockedBy) {
	}

	/**
	 * How one service would change. {@code direction} is 1 when it rises to a higher level, -1 when
	 * it drops, 0 when its level stays; minimum bar: whether every blocking rule passes or is waived.
	 */
	public record ServiceImpact(String service, String levelBefore, String levelAfter, boolean meetsMinimumBarBefore,
			boolean meetsMinimumBarAfter, List<String> newlyFailing, List<String> newlyPassing, int direction) {

		boolean changed() {
			return this.direction != 0 || this.meetsMinimumBarBefore != this.meetsMinimumBarAfter
					|| !this.newlyFailing.isEmpty() || !this.newlyPassing.isEmpty() || !Objects.equals(this.levelBefore, this.levelAfter);
		}
	}

	/**
	 * Totals for the headline: "14 services drop from Silver to Bronze; 3 services newly fail the
	 * minimum bar". {@code moves} counts services per "from → to" pair of level names.
	 */
	public record Totals(int changed, int rise, int drop, int newlyFailMinimumBar, int newlyMeetMinimumBar,
			Map<String, Integer> moves) {

		static Totals of(List<ServiceImpact> changes, List<Level> levels) {
			Map<String, Integer> moves = new LinkedHashMap<>();
			for (ServiceImpact change : changes) {
				if (!Objects.equals(change.levelBefore(), change.levelAfter())) {
					moves.merge(name(levels, change.levelBefore()) + " → " + name(levels, change.levelAfter()), 1, Integer::sum);
				}
			}
			return new Totals(changes.size(), (int) changes.stream().filter((c) -> c.direction() > 0).count(),
					(int) changes.stream().filter((c) -> c.direction() < 0).count(),
					(int) changes.stream().filter((c) -> c.meetsMinimumBarBefore() && !c.meetsMinimumBarAfter()).count(),
					(int) changes.stream().filter((c) -> !c.meetsMinimumBarBefore() && c.meetsMinimumBarAfter()).count(),
					moves);
		}

		private static String name(List<Level> levels, String key) {
			if (key == null) {
				return "no level";
			}
			return levels.stream().filter((level) -> level.key().equals(key)).map(Level::name).findFirst().orElse(key);
		}
	}
}
