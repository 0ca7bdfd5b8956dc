package dev.shipshape.catalog;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a caller writes to create or replace a service. {@code owner} is a team name or an entity
 * reference ({@code group:team-a}, {@code user:jane}); blank means unowned. {@code version} guards
 * replacements.
 */
public record ServiceForm(@NotBlank @CatalogName String name, @Size(max = 200) String title,
		@Size(max = 4000) String description, @Size(max = 300) String owner, @Min(1) @Max(4) Integer tier,
		@Size(max = 63) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = Lifecycles.RULE) String lifecycle,
		@Size(max = 200) String system,
		@Size(max = 100) List<@NotBlank @Size(max = 63) @Pattern(regexp = "[a-z0-9:+#]+(-[a-z0-9:+#]+)*",
				message = Tags.RULE) String> tags,
		@Size(max = 50) List<@Valid LinkForm> links, @Size(max = 500) List<@NotBlank @CatalogName String> dependsOn,
		Long version) {

	/** The form that would recreate the service as it is, including its version. */
	public static ServiceForm of(ServiceDetails service) {
		return new ServiceForm(service.name(), service.title(), service.description(), ownerReference(service.owner()),
				service.tier(), service.lifecycle(), service.system(), service.tags(),
				service.links().stream().map((link) -> new LinkForm(link.type().value(), link.url(), link.title())).toList(),
				service.dependsOn().stream().map(ServiceSummary::name).toList(), service.version());
	}

	private static String ownerReference(Owner owner) {
		if (owner == null) {
			return null;
		}
		return switch (owner.kind()) {
			case TEAM, UNRESOLVED -> owner.name();
			case PERSON -> "user:" + owner.name();
		};
	}

	public ServiceForm {
		tags = Lists.copyOfNullable(tags);
		links = Lists.copyOfNullable(links);
		dependsOn = Lists.copyOfNullable(dependsOn);
	}
}
