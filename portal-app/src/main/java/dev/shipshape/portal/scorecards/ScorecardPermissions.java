package dev.shipshape.portal.scorecards;

import java.util.List;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.PersonDetails;
import dev.shipshape.portal.security.CatalogPermissions;
import dev.shipshape.portal.security.TokenScope;
import dev.shipshape.portal.security.TokenScopes;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may change a scorecard: administrators, and members of the team that owns it; API tokens also
 * need the scope {@code scorecards:write}. Everyone signed in reads scorecards. Used by the web adapters as {@code @scorecardPermissions}.
 */
@Component("scorecardPermissions")
public class ScorecardPermissions {

	private final ScorecardManagement scorecards;

	private final CatalogManagement catalog;

	private final CatalogPermissions catalogPermissions;

	private final TokenScopes scopes;

	ScorecardPermissions(ScorecardManagement scorecards, CatalogManagement catalog,
			CatalogPermissions catalogPermissions, TokenScopes scopes) {
		this.scorecards = scorecards;
		this.catalog = catalog;
		this.catalogPermissions = catalogPermissions;
		this.scopes = scopes;
	}

	/** Editing the draft, publishing, reverting, archiving. Unknown keys pass on to a 404. */
	public boolean canEdit(Authentication authentication, String key) {
		if (!this.scopes.allows(authentication, TokenScope.SCORECARDS_WRITE)) {
			return false;
		}
		if (this.catalogPermissions.isAdmin(authentication)) {
			return true;
		}
		return this.scorecards.find(key)
			.map((scorecard) -> scorecard.ownerTeam() != null
					&& this.catalog.isMember(authentication.getName(), scorecard.ownerTeam()))
			.orElse(true);
	}

	/**
	 * A dry run of the draft against the whole catalog: everyone signed in sees it on the preview
	 * page; tokens need {@code scorecards:write}, because only those that edit scorecards need it.
	 */
	public boolean canPreview(Authentication authentication) {
		return this.scopes.allows(authentication, TokenScope.SCORECARDS_WRITE);
	}

	/** Creating a scorecard owned by this team. */
	public boolean canCreate(Authentication authentication, String ownerTeam) {
		return this.scopes.allows(authentication, TokenScope.SCORECARDS_WRITE)
				&& (this.catalogPermissions.isAdmin(authentication)
						|| (ownerTeam != null && this.catalog.isMember(authentication.getName(), ownerTeam)));
	}

	/** The teams this user may create scorecards for: every team for administrators, their own teams for others. */
	public List<String> teamsForNewScorecards(Authentication authentication) {
		if (this.catalogPermissions.isAdmin(authentication)) {
			return this.catalog.teamNames(1000);
		}
		return this.catalog.findPerson(authentication.getName()).map(PersonDetails::teams).orElse(List.of());
	}
}
