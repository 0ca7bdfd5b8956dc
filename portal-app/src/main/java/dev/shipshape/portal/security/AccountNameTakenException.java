package dev.shipshape.portal.security;

/** An account of that name (in any letter case) exists already. */
public class AccountNameTakenException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public AccountNameTakenException(String username) {
		super("An account named '" + username + "' exists already");
	}
}
