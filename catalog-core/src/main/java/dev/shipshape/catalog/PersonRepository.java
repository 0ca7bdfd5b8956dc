package dev.shipshape.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PersonRepository extends JpaRepository<Person, Long> {

	Optional<Person> findByNameKey(String nameKey);

	List<Person> findByNameKeyIn(Collection<String> nameKeys);

	@Query("""
			select p from Person p
			where :pattern is null
			   or lower(p.name) like :pattern escape '\\'
			   or lower(p.displayName) like :pattern escape '\\'
			   or lower(p.email) like :pattern escape '\\'
			""")
	Page<Person> search(@Param("pattern") String pattern, Pageable pageable);
}
