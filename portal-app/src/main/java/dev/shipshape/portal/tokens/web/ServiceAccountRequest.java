package dev.shipshape.portal.tokens.web;

import java.util.List;

import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Asks for a service account: its name (the catalog's naming rule), a display name and its roles. */
record ServiceAccountRequest(
		@NotBlank @Pattern(regexp = UserAccounts.NAME_PATTERN,
				message = "must be 1-63 letters or digits separated by single '-', '_' or '.'") String name,
		@Size(max = 200) String displayName, List<Role> roles) {
}
