package dev.shipshape.catalog.importing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The catalog as one import sees it: the ids of all entries by name key, and the full current
 * state of the entries the upload names or its source holds, with links, pending references and
 * the values their source last imported.
 */
record CatalogState(Map<String, Long> teamIds, Map<String, Long> personIds, Map<String, Long> serviceIds,
		Map<String, CurrentTeam> teams, Map<String, CurrentPerson> people, Map<String, CurrentService> services,
		Set<Membership> membershipsDeclaredByTeam, Set<Membership> membershipsDeclaredByPerson,
		List<PendingReference> pending) {

	/** A team as it is now. {@code parent} is the linked parent's key, {@code pendingParent} one not yet there. */
	record CurrentTeam(long id, long version, String source, TeamValues imported, String name, String displayName,
			String email, String description, String parent, String pendingParent, Set<String> members,
			Set<String> pendingMembers) {

		/** The values as a descriptor would write them; members are all of the team's people. */
		TeamValues values() {
			return new TeamValues(this.name, this.displayName, this.email, this.description,
					(this.parent != null) ? this.parent : this.pendingParent, sorted(this.members, this.pendingMembers));
		}
	}

	/** A person as they are now; {@code teams} are linked teams, {@code pendingTeams} teams not yet there. */
	record CurrentPerson(long id, long version, String source, PersonValues imported, String name, String displayName,
			String email, Set<String> teams, Set<String> pendingTeams) {

		PersonValues values() {
			return new PersonValues(this.name, this.displayName, this.email, sorted(this.teams, this.pendingTeams));
		}
	}

	/**
	 * A service as it is now; {@code values} hold the canonical owner and dependencies (linked and
	 * pending), {@code dependsOn} the linked ones only, {@code pendingOwner} an owner not yet there.
	 */
	record CurrentService(long id, long version, String source, ServiceValues imported, ServiceValues values,
			boolean ownerLinked, Target pendingOwner, Set<String> dependsOn, Set<String> pendingDependsOn) {
	}

	/** A team–person link by name keys. */
	record Membership(String team, String person) {
	}

	/** A reference not yet linked: who holds it (kind and key), the relation and the target's key. */
	record PendingReference(CatalogKind holderKind, String holder, Relation relation, String target) {
	}

	Map<String, Long> ids(CatalogKind kind) {
		return switch (kind) {
			case SERVICE -> this.serviceIds;
			case TEAM -> this.teamIds;
			case PERSON -> this.personIds;
		};
	}

	static List<String> sorted(Collection<String> first, Collection<String> second) {
		Set<String> all = new TreeSet<>(first);
		all.addAll(second);
		return List.copyOf(all);
	}
}
