package dev.shipshape.waivers;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.shipshape.catalog.CatalogNames;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/** The filters of the exceptions list. Effective statuses are read against {@code now}. */
final class ExceptionSpecifications {

	private ExceptionSpecifications() {
	}

	static Specification<ExceptionGrant> matching(ExceptionQuery query, Instant now) {
		return (root, criteria, builder) -> {
			List<Predicate> conditions = new ArrayList<>();
			if (query.status() != null) {
				conditions.add(switch (query.status()) {
					case REQUESTED, APPROVED -> builder.and(builder.equal(root.get("status"), query.status()),
							builder.greaterThan(root.get("expiresAt"), now));
					case EXPIRED -> builder.and(
							root.get("status").in(ExceptionStatus.REQUESTED, ExceptionStatus.APPROVED),
							builder.lessThanOrEqualTo(root.get("expiresAt"), now));
					case REJECTED, REVOKED -> builder.equal(root.get("status"), query.status());
				});
			}
			if (query.services() != null) {
				List<String> keys = query.services().stream().map(CatalogNames::key).distinct().toList();
				conditions.add(keys.isEmpty() ? builder.disjunction() : root.get("serviceKey").in(keys));
			}
			if (query.scorecard() != null && !query.scorecard().isBlank()) {
				conditions.add(builder.equal(root.get("scorecardKey"), query.scorecard().trim()));
			}
			if (query.expiringWithinDays() != null) {
				conditions.add(builder.equal(root.get("status"), ExceptionStatus.APPROVED));
				conditions.add(builder.greaterThan(root.get("expiresAt"), now));
				conditions.add(builder.lessThanOrEqualTo(root.get("expiresAt"),
						now.plus(query.expiringWithinDays(), ChronoUnit.DAYS)));
			}
			return builder.and(conditions.toArray(Predicate[]::new));
		};
	}
}
