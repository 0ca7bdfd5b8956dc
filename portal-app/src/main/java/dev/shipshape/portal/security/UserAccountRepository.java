package dev.shipshape.portal.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

	Optional<UserAccount> findByUsernameKey(String usernameKey);

	/** The account with its roles, in one query: every API request with a token asks. */
	@Query("select a from UserAccount a left join fetch a.roles where a.id = :id")
	Optional<UserAccount> findWithRolesById(@Param("id") long id);

	Optional<UserAccount> findBySsoIssuerAndSsoSubject(String ssoIssuer, String ssoSubject);

	List<UserAccount> findByKindOrderByUsernameKey(AccountKind kind);

	@Query("select count(a) > 0 from UserAccount a join a.roles r where r = :role")
	boolean existsWithRole(@Param("role") Role role);
}
