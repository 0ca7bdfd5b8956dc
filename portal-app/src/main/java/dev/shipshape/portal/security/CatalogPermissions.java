package dev.shipshape.portal.security;

import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.EntityReference;
import dev.shipshape.catalog.Owner;
import dev.shipshape.catalog.OwnerKind;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may change which catalog entry: administrators change anything; other users change the
 * services of the teams they belong to (and services they own themselves), their teams, and their
 * own person entry. A user's person in the catalog is the one with the same name.
 * API tokens change the catalog only with the scope {@code catalog:write}, and push facts only
 * with {@code facts:write}. Used by the web adapters as {@code @catalogPermissions}.
 */
@Component("catalogPermissions")
public class CatalogPermissions {

	private final CatalogManagement catalog;

	private final TokenScopes scopes;

	CatalogPermissions(CatalogManagement catalog, TokenScopes scopes) {
		this.catalog = catalog;
		this.scopes = scopes;
	}

	public boolean isAdmin(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> Role.ADMIN.authority().equals(authority.getAuthority()));
	}

	/**
	 * Creating or removing teams and people, and importing descriptors: administrators, and their
	 * tokens with {@code catalog:write}.
	 */
	public boolean canAdministerCatalog(Authentication authentication) {
		return this.scopes.allows(authentication, TokenScope.CATALOG_WRITE) && isAdmin(authentication);
	}

	/** Editing or removing an existing service: its current owner decides. Unknown names pass on to a 404. */
	public boolean canEditService(Authentication authentication, String serviceName) {
		return this.scopes.allows(authentication, TokenScope.CATALOG_WRITE) && ownsService(authentication, serviceName);
	}

	/** Pushing facts of a service: its owners and administrators, and their tokens with {@code facts:write}. */
	public boolean canWriteFacts(Authentication authentication, String serviceName) {
		return this.scopes.allows(authentication, TokenScope.FACTS_WRITE) && ownsService(authentication, serviceName);
	}

	/**
	 * Replacing a service: its current owner decides, and handing it to another owner needs
	 * membership of that owner too.
	 */
	public boolean canUpdateService(Authentication authentication, String serviceName, String newOwnerReference) {
		if (!this.scopes.allows(authentication, TokenScope.CATALOG_WRITE)) {
			return false;
		}
		if (isAdmin(authentication)) {
			return true;
		}
		return this.catalog.findService(serviceName).map((service) -> isOwner(authentication, service.owner())
				&& (sameOwner(service.owner(), newOwnerReference) || canAssignOwner(authentication, newOwnerReference)))
			.orElse(true);
	}

	/** Making a service owned by this reference: only its members (or the person themself). */
	public boolean canAssignOwner(Authentication authentication, String ownerReference) {
		if (!this.scopes.allows(authentication, TokenScope.CATALOG_WRITE)) {
			return false;
		}
		if (isAdmin(authentication)) {
			return true;
		}
		if (ownerReference == null || ownerReference.isBlank()) {
			return false;
		}
		EntityReference reference = EntityReference.parse(ownerReference, "group");
		if (reference.isUser()) {
			return reference.name().equalsIgnoreCase(authentication.getName());
		}
		return this.catalog.isMember(authentication.getName(), reference.name());
	}

	public boolean canEditTeam(Authentication authentication, String teamName) {
		return this.scopes.allows(authentication, TokenScope.CATALOG_WRITE)
				&& (isAdmin(authentication) || this.catalog.isMember(authentication.getName(), teamName));
	}

	public boolean canEditPerson(Authentication authentication, String personName) {
		return this.scopes.allows(authentication, TokenScope.CATALOG_WRITE)
				&& (isAdmin(authentication) || authentication.getName().equalsIgnoreCase(personName));
	}

	/** Unknown names pass on to a 404. */
	private boolean ownsService(Authentication authentication, String serviceName) {
		if (isAdmin(authentication)) {
			return true;
		}
		return this.catalog.findService(serviceName)
			.map((service) -> isOwner(authentication, service.owner()))
			.orElse(true);
	}

	private static boolean sameOwner(Owner current, String reference) {
		if (current == null || reference == null || reference.isBlank()) {
			return current == null && (reference == null || reference.isBlank());
		}
		EntityReference parsed = EntityReference.parse(reference, "group");
		boolean sameKind = (current.kind() == OwnerKind.PERSON) ? parsed.isUser() : parsed.isGroup();
		return sameKind && parsed.name().equalsIgnoreCase(current.name());
	}

	private boolean isOwner(Authentication authentication, Owner owner) {
		if (owner == null || owner.kind() == OwnerKind.UNRESOLVED) {
			return false;
		}
		if (owner.kind() == OwnerKind.PERSON) {
			return owner.name().equalsIgnoreCase(authentication.getName());
		}
		return this.catalog.isMember(authentication.getName(), owner.name());
	}
}
