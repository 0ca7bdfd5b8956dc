package dev.shipshape.portal.scorecards.web;

import java.util.List;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.Lifecycles;
import dev.shipshape.catalog.TeamSummary;
import dev.shipshape.portal.scorecards.ActiveScorecards.ActiveScorecard;
import dev.shipshape.portal.scorecards.LevelSnapshots;
import dev.shipshape.portal.scorecards.ScorecardProblems;
import dev.shipshape.portal.scorecards.ScorecardReports;
import dev.shipshape.portal.scorecards.ScorecardReports.ReportFilter;
import dev.shipshape.portal.scorecards.ScorecardReports.TeamStanding;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The scorecard report: services × rules, the level distribution, the team leaderboard and the
 * trend of levels. Filtering refreshes the report with htmx; without it, the same address is the page.
 */
@Controller
class ScorecardReportPageController {

	static final int SERVICES_PER_PAGE = 50;

	static final int TEAMS_SHOWN = 25;

	static final int TREND_DAYS = 90;

	private final ScorecardReports reports;

	private final LevelSnapshots snapshots;

	private final CatalogManagement catalog;

	ScorecardReportPageController(ScorecardReports reports, LevelSnapshots snapshots, CatalogManagement catalog) {
		this.reports = reports;
		this.snapshots = snapshots;
		this.catalog = catalog;
	}

	@GetMapping("/reports/scorecards")
	String report(@RequestParam(required = false) String scorecard, @RequestParam(required = false) String team,
			@RequestParam(required = false) Integer tier, @RequestParam(required = false) String lifecycle,
			@RequestParam(defaultValue = "0") int page, @RequestHeader(name = "HX-Request", required = false) String htmx,
			HttpServletRequest request, Model model) {
		List<ActiveScorecard> scorecards = this.reports.scorecards();
		ReportFilter filter = new ReportFilter(team, tier, lifecycle);
		model.addAttribute("scorecards", scorecards);
		model.addAttribute("filter", filter);
		if (!scorecards.isEmpty()) {
			ActiveScorecard chosen = (scorecard == null || scorecard.isBlank()) ? scorecards.get(0)
					: this.reports.scorecard(scorecard)
						.orElseThrow(() -> new ScorecardProblems.NotFound("No published scorecard with the key '" + scorecard + "'"));
			report(chosen, filter, Math.max(0, page), model);
		}
		model.addAttribute("pageUrl", ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page"));
		if (htmx != null) {
			return "scorecards/report :: report";
		}
		model.addAttribute("lifecycles", Lifecycles.STANDARD);
		model.addAttribute("teamNames", this.catalog.findTeams(null, PageRequest.of(0, 1000, Sort.by("name")))
			.map(TeamSummary::name)
			.getContent());
		return "scorecards/report";
	}

	private void report(ActiveScorecard scorecard, ReportFilter filter, int page, Model model) {
		model.addAttribute("chosen", scorecard);
		model.addAttribute("heatMap", this.reports.heatMap(scorecard, filter, PageRequest.of(page, SERVICES_PER_PAGE)));
		model.addAttribute("distribution", this.reports.distribution(scorecard, filter));
		List<TeamStanding> standings = this.reports.leaderboard(scorecard, filter);
		model.addAttribute("standings", standings.subList(0, Math.min(TEAMS_SHOWN, standings.size())));
		model.addAttribute("teamCount", standings.size());
		model.addAttribute("trendDays", TREND_DAYS);
		model.addAttribute("trend", TrendChart.of(this.snapshots.trend(scorecard.scorecardId(), TREND_DAYS),
				scorecard.compiled().scorecard().levels()));
	}
}
