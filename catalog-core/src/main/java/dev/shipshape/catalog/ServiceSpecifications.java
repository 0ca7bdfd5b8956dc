package dev.shipshape.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.springframework.data.jpa.domain.Specification;

/** The service list's filters as a JPA specification. */
final class ServiceSpecifications {

	private ServiceSpecifications() {
	}

	static Specification<ServiceEntry> matching(ServiceQuery query) {
		return (root, criteriaQuery, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (query.owner() != null && !query.owner().isBlank()) {
				Join<ServiceEntry, Team> team = root.join("ownerTeam", JoinType.INNER);
				predicates.add(cb.equal(team.get("nameKey"), CatalogNames.key(query.owner().trim())));
			}
			if (query.tier() != null) {
				predicates.add(cb.equal(root.get("tier"), query.tier()));
			}
			if (query.lifecycle() != null && !query.lifecycle().isBlank()) {
				predicates.add(cb.equal(root.get("lifecycle"), query.lifecycle().trim().toLowerCase(Locale.ROOT)));
			}
			if (query.tag() != null && !query.tag().isBlank()) {
				predicates.add(hasTag(root, criteriaQuery.subquery(Long.class), cb, query.tag().trim().toLowerCase(Locale.ROOT)));
			}
			String pattern = LikePatterns.contains(query.q());
			if (pattern != null) {
				predicates.add(matchesText(root, criteriaQuery, cb, pattern));
			}
			if (query.attention()) {
				predicates.add(cb.and(cb.isNull(root.get("ownerTeam")), cb.isNull(root.get("ownerPerson"))));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
	}

	private static Predicate hasTag(Root<ServiceEntry> root, Subquery<Long> subquery, CriteriaBuilder cb, String tag) {
		Root<ServiceEntry> tagged = subquery.from(ServiceEntry.class);
		Join<ServiceEntry, String> tags = tagged.join("tags");
		subquery.select(tagged.get("id")).where(cb.equal(tagged, root), cb.equal(tags, tag));
		return cb.exists(subquery);
	}

	/**
	 * Services whose text or tags (lower-case already) contain the pattern. Each is a subquery that
	 * the database answers once from its trigram index, which it cannot do for an OR across tables.
	 */
	private static Predicate matchesText(Root<ServiceEntry> root, CriteriaQuery<?> criteriaQuery, CriteriaBuilder cb,
			String pattern) {
		Subquery<Long> described = criteriaQuery.subquery(Long.class);
		Root<ServiceEntry> service = described.from(ServiceEntry.class);
		described.select(service.get("id")).where(cb.like(service.get("searchText"), pattern, '\\'));
		Subquery<Long> tagged = criteriaQuery.subquery(Long.class);
		Root<ServiceEntry> taggedService = tagged.from(ServiceEntry.class);
		Join<ServiceEntry, String> tags = taggedService.join("tags");
		tagged.select(taggedService.get("id")).where(cb.like(tags, pattern, '\\'));
		return cb.or(root.get("id").in(described), root.get("id").in(tagged));
	}
}
