package dev.shipshape.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ServiceEntryRepository extends JpaRepository<ServiceEntry, Long>, JpaSpecificationExecutor<ServiceEntry> {

	@EntityGraph(attributePaths = { "ownerTeam", "ownerPerson" })
	Optional<ServiceEntry> findByNameKey(String nameKey);

	List<ServiceEntry> findByNameKeyIn(Collection<String> nameKeys);

	@Query("select s from ServiceEntry s join s.dependsOn d where d = :service order by s.nameKey")
	List<ServiceEntry> findDependents(@Param("service") ServiceEntry service);

	@EntityGraph(attributePaths = { "ownerTeam" })
	List<ServiceEntry> findByOwnerTeamOrderByNameKey(Team team);

	@EntityGraph(attributePaths = { "ownerPerson" })
	List<ServiceEntry> findByOwnerPersonOrderByNameKey(Person person);

	long countByOwnerTeam(Team team);

	long countByOwnerPerson(Person person);

	@Query("select s.ownerTeam.id, count(s) from ServiceEntry s where s.ownerTeam in :teams group by s.ownerTeam.id")
	List<Object[]> countByOwnerTeams(@Param("teams") Collection<Team> teams);
}
