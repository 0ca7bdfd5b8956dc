package dev.shipshape.waivers;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ExceptionGrantRepository extends JpaRepository<ExceptionGrant, Long>, JpaSpecificationExecutor<ExceptionGrant> {

	/**
	 * Loads the exception and locks its row until the transaction ends, so that of two SREs deciding
	 * at the same moment the second waits and then sees what the first decided.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select e from ExceptionGrant e where e.id = :id")
	Optional<ExceptionGrant> lockById(@Param("id") long id);

	/** Requests and approvals, not yet expired, that already cover this rule for this service and release. */
	@Query("""
			select e from ExceptionGrant e
			where e.serviceKey = :serviceKey and e.scorecardKey = :scorecard and e.ruleKey = :rule
			  and (e.releaseVersion is null or e.releaseVersion = :release)
			  and e.status in (dev.shipshape.waivers.ExceptionStatus.REQUESTED, dev.shipshape.waivers.ExceptionStatus.APPROVED)
			  and e.expiresAt > :now and e.id <> :excluded
			order by e.requestedAt""")
	List<ExceptionGrant> covering(@Param("serviceKey") String serviceKey, @Param("scorecard") String scorecard,
			@Param("rule") String rule, @Param("release") String release, @Param("now") Instant now,
			@Param("excluded") long excluded);

	@Query("""
			select e from ExceptionGrant e
			where e.serviceKey in :serviceKeys and e.status = dev.shipshape.waivers.ExceptionStatus.APPROVED
			  and e.expiresAt > :now
			order by e.expiresAt""")
	List<ExceptionGrant> inForce(@Param("serviceKeys") Collection<String> serviceKeys, @Param("now") Instant now);

	@Query("select e from ExceptionGrant e where e.extendsId = :id order by e.requestedAt")
	List<ExceptionGrant> extensionsOf(@Param("id") long id);
}
