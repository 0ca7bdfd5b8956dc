package dev.shipshape.portal.tokens.web;

import java.util.List;

import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The form that creates a service account. */
record ServiceAccountForm(
		@NotBlank @Pattern(regexp = UserAccounts.NAME_PATTERN,
				message = "must be 1-63 letters or digits separated by single '-', '_' or '.'") String name,
		@Size(max = 200) String displayName, List<Role> roles) {

	static ServiceAccountForm empty() {
		return new ServiceAccountForm("", "", List.of(Role.VIEWER));
	}
}
