package dev.shipshape.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A typed link of a service: repo, runbook, oncall, dashboard, docs, chat or other. */
public record LinkForm(
		@NotBlank @Pattern(regexp = "(?i)repo|runbook|oncall|dashboard|docs|chat|other",
				message = "must be one of repo, runbook, oncall, dashboard, docs, chat, other") String type,
		@NotBlank @Size(max = 2000) @Pattern(regexp = "(?i)(https?|mailto):\\S+",
				message = "must be an http(s) or mailto URL") String url,
		@Size(max = 200) String title) {
}
