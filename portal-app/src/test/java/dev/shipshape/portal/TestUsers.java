package dev.shipshape.portal;

import java.util.Set;

import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;

/** Accounts for tests, created once per database with the password {@link #PASSWORD}. */
public final class TestUsers {

	public static final String PASSWORD = "test-password";

	private TestUsers() {
	}

	public static void ensure(UserAccounts accounts, String username, Role... roles) {
		if (!accounts.exists(username)) {
			accounts.create(username, username, PASSWORD, Set.of(roles));
		}
	}
}
