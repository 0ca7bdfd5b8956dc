package dev.shipshape.portal.tokens;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	/** The token with its scopes, in one query: every API request asks. */
	@Query("select t from ApiToken t left join fetch t.scopes where t.secretHash = :secretHash")
	Optional<ApiToken> findBySecretHash(@Param("secretHash") String secretHash);

	List<ApiToken> findByUserAccountIdOrderByCreatedAtDesc(long userAccountId);

	/** Records a use unless another instance recorded a recent one. */
	@Modifying
	@Query("""
			update ApiToken t set t.lastUsedAt = :now
			where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :staleBefore)""")
	int recordUse(@Param("id") long id, @Param("now") Instant now, @Param("staleBefore") Instant staleBefore);
}
