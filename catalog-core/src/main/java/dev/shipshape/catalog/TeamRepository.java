package dev.shipshape.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TeamRepository extends JpaRepository<Team, Long> {

	Optional<Team> findByNameKey(String nameKey);

	List<Team> findByNameKeyIn(Collection<String> nameKeys);

	List<Team> findByParentOrderByNameKey(Team parent);

	@Query("select t from Team t join t.members m where m = :person order by t.nameKey")
	List<Team> findByMember(@Param("person") Person person);

	@Query("""
			select t from Team t
			where :pattern is null
			   or lower(t.name) like :pattern escape '\\'
			   or lower(t.displayName) like :pattern escape '\\'
			""")
	Page<Team> search(@Param("pattern") String pattern, Pageable pageable);

	@Query("select t.name from Team t order by t.nameKey")
	List<String> findNames(Pageable pageable);

	@Query("select count(m) > 0 from Team t join t.members m where t.nameKey = :team and m.nameKey = :person")
	boolean hasMember(@Param("team") String teamKey, @Param("person") String personKey);
}
