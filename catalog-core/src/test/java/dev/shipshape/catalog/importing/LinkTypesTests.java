package dev.shipshape.catalog.importing;

import dev.shipshape.catalog.LinkType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkTypesTests {

	@Test
	void aLinksTypeDecidesThenItsIcon() {
		assertThat(LinkTypes.of("runbook", "github")).isEqualTo(LinkType.RUNBOOK);
		assertThat(LinkTypes.of(null, "github")).isEqualTo(LinkType.REPO);
		assertThat(LinkTypes.of("Dashboard", null)).isEqualTo(LinkType.DASHBOARD);
		assertThat(LinkTypes.of("website", "web")).isEqualTo(LinkType.OTHER);
		assertThat(LinkTypes.of(null, "slack")).isEqualTo(LinkType.CHAT);
		assertThat(LinkTypes.of("pagerduty", null)).isEqualTo(LinkType.ONCALL);
	}

	@Test
	void wellKnownAnnotationsBecomeLinksWhenTheyHoldAUrl() {
		assertThat(LinkTypes.ofAnnotation("backstage.io/source-location", "url:https://github.com/acme/ledger/"))
			.isEqualTo(new LinkValue("repo", "https://github.com/acme/ledger/", null));
		assertThat(LinkTypes.ofAnnotation("github.com/project-slug", "acme/ledger"))
			.isEqualTo(new LinkValue("repo", "https://github.com/acme/ledger", null));
		assertThat(LinkTypes.ofAnnotation("backstage.io/techdocs-ref", "url:https://docs.example.com/ledger"))
			.isEqualTo(new LinkValue("docs", "https://docs.example.com/ledger", null));
		assertThat(LinkTypes.ofAnnotation("backstage.io/techdocs-ref", "dir:.")).isNull();
		assertThat(LinkTypes.ofAnnotation("backstage.io/techdocs-ref", "value")).isNull();
		assertThat(LinkTypes.ofAnnotation("myorg.org/security", "https://example.com")).isNull();
	}
}
