package dev.shipshape.portal.waivers.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.ServiceSummary;
import dev.shipshape.portal.web.InvalidRequestException;
import dev.shipshape.waivers.ExceptionQuery;
import dev.shipshape.waivers.ExceptionStatus;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/** The filters of the exceptions list, as the page and the API take them. */
@Component
class ExceptionFilters {

	private final CatalogManagement catalog;

	ExceptionFilters(CatalogManagement catalog) {
		this.catalog = catalog;
	}

	/** A team filter means the services the team owns now; an unknown team owns none. */
	ExceptionQuery query(String status, String team, String service, String scorecard, Integer expiringWithinDays) {
		List<String> services = null;
		if (notBlank(team)) {
			services = this.catalog.findTeam(team.trim())
				.map((found) -> found.services().stream().map(ServiceSummary::name).toList())
				.orElse(List.of());
		}
		if (notBlank(service)) {
			String wanted = service.trim();
			services = (services == null) ? List.of(wanted)
					: services.stream().filter((name) -> name.equalsIgnoreCase(wanted)).toList();
		}
		return new ExceptionQuery(status(status), services, notBlank(scorecard) ? scorecard.trim() : null,
				expiringWithinDays);
	}

	/** The list keeps its own order, newest first: sorting by arbitrary properties is not offered. */
	Pageable unsorted(Pageable pageable) {
		return PageRequest.of(pageable.getPageNumber(), Math.min(pageable.getPageSize(), 100));
	}

	static ExceptionStatus status(String status) {
		if (!notBlank(status)) {
			return null;
		}
		try {
			return ExceptionStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("status",
					"must be one of " + Arrays.toString(ExceptionStatus.values()).replaceAll("[\\[\\]]", ""));
		}
	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}
}
