package dev.shipshape.portal.scorecards.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.shipshape.portal.scorecards.ScorecardForm;
import dev.shipshape.portal.scorecards.ScorecardForm.LevelForm;
import dev.shipshape.portal.scorecards.ScorecardForm.RuleForm;
import dev.shipshape.portal.scorecards.ScorecardViews.DraftView;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The draft editor's form: the scorecard's content with effective-from as a date (UTC). Rows a
 * browser removed leave gaps in the submitted indexes; they are dropped here.
 */
record DraftPageForm(String name, String description, String ownerTeam, String appliesTo, List<LevelRow> levels,
		List<RuleRow> rules, Long lockVersion) {

	DraftPageForm {
		levels = present(levels);
		rules = present(rules);
	}

	static DraftPageForm of(DraftView draft) {
		ScorecardForm form = ScorecardForm.of(draft.document(), draft.ownerTeam(), draft.lockVersion());
		return new DraftPageForm(form.name(), form.description(), form.ownerTeam(), form.appliesTo(),
				form.levels().stream().map((level) -> new LevelRow(level.key(), level.name(), level.blocking())).toList(),
				form.rules()
					.stream()
					.map((rule) -> new RuleRow(rule.key(), rule.title(), rule.description(), rule.level(), rule.expression(),
							rule.remediation(),
							(rule.effectiveFrom() != null) ? LocalDate.ofInstant(rule.effectiveFrom(), ZoneOffset.UTC) : null))
					.toList(),
				form.lockVersion());
	}

	/** What the scorecards feature saves; {@code lockVersion} replaces the form's when not null. */
	ScorecardForm toScorecardForm(Long lockVersion) {
		return new ScorecardForm(this.name, this.description, blankToNull(this.ownerTeam), this.appliesTo,
				this.levels.stream().map((level) -> new LevelForm(level.key(), level.name(), level.isBlocking())).toList(),
				this.rules.stream()
					.map((rule) -> new RuleForm(rule.key(), rule.title(), rule.description(), rule.level(), rule.expression(),
							rule.remediation(),
							(rule.effectiveFrom() != null) ? rule.effectiveFrom().atStartOfDay(ZoneOffset.UTC).toInstant() : null))
					.toList(),
				Objects.requireNonNullElse(lockVersion, this.lockVersion));
	}

	DraftPageForm withRule() {
		List<RuleRow> more = new ArrayList<>(this.rules);
		more.add(RuleRow.empty(levelKeys().isEmpty() ? null : levelKeys().get(0)));
		return new DraftPageForm(this.name, this.description, this.ownerTeam, this.appliesTo, this.levels, more,
				this.lockVersion);
	}

	DraftPageForm withoutRule(int index) {
		return new DraftPageForm(this.name, this.description, this.ownerTeam, this.appliesTo, this.levels,
				without(this.rules, index), this.lockVersion);
	}

	DraftPageForm withLevel() {
		List<LevelRow> more = new ArrayList<>(this.levels);
		more.add(new LevelRow(null, null, false));
		return new DraftPageForm(this.name, this.description, this.ownerTeam, this.appliesTo, more, this.rules,
				this.lockVersion);
	}

	DraftPageForm withoutLevel(int index) {
		return new DraftPageForm(this.name, this.description, this.ownerTeam, this.appliesTo, without(this.levels, index),
				this.rules, this.lockVersion);
	}

	/** The level keys a rule may choose, in order, without blanks. */
	List<String> levelKeys() {
		return this.levels.stream()
			.map(LevelRow::key)
			.filter((key) -> key != null && !key.isBlank())
			.distinct()
			.toList();
	}

	/** The choices of a rule's level select: the form's levels, and the rule's own level if it names another. */
	public List<String> levelOptions(RuleRow rule) {
		Set<String> options = new LinkedHashSet<>(levelKeys());
		if (rule.level() != null && !rule.level().isBlank()) {
			options.add(rule.level());
		}
		return List.copyOf(options);
	}

	private static <T> List<T> present(List<T> rows) {
		return (rows != null) ? rows.stream().filter(Objects::nonNull).toList() : List.of();
	}

	private static <T> List<T> without(List<T> rows, int index) {
		List<T> fewer = new ArrayList<>(rows);
		if (index >= 0 && index < fewer.size()) {
			fewer.remove(index);
		}
		return fewer;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	/** {@code blocking} is boxed: an unticked checkbox sends nothing, which binds as null. */
	record LevelRow(String key, String name, Boolean blocking) {

		boolean isBlocking() {
			return Boolean.TRUE.equals(this.blocking);
		}
	}

	record RuleRow(String key, String title, String description, String level, String expression, String remediation,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom) {

		static RuleRow empty(String level) {
			return new RuleRow(null, null, null, level, null, null, null);
		}
	}
}
