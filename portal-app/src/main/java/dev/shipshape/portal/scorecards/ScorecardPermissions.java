package dev.shipshape.portal.scorecards;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.portal.security.CatalogPermissions;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may change a scorecard: administrators, and members of the team that owns it. Everyone signed
 * in reads scorecards. Used by the web adapters as {@code @scorecardPermissions}.
 */
@Component("scorecardPermissions")
public class ScorecardPermissions {

	private final ScorecardManagement scorecards;

	private final CatalogManagement catalog;

	private final CatalogPermissions catalogPermissions;

	ScorecardPermissions(ScorecardManagement scorecards, CatalogManagement catalog,
			CatalogPermissions catalogPermissions) {
		this.scorecards = scorecards;
		this.catalog = catalog;
		this.catalogPermissions = catalogPermissions;
	}

	/** Editing the draft, publishing, reverting, archiving. Unknown keys pass on to a 404. */
	public boolean canEdit(Authentication authentication, String key) {
		if (this.catalogPermissions.isAdmin(authentication)) {
			return true;
		}
		return this.scorecards.find(key)
			.map((scorecard) -> scorecard.ownerTeam() != null
					&& this.catalog.isMember(authentication.getName(), scorecard.ownerTeam()))
			.orElse(true);
	}

	/** Creating a scorecard owned by this team. */
	public boolean canCreate(Authentication authentication, String ownerTeam) {
		return this.catalogPermissions.isAdmin(authentication)
				|| (ownerTeam != null && this.catalog.isMember(authentication.getName(), ownerTeam));
	}
}
