package dev.shipshape.portal.tokens.web;

/** No token with this id that the caller may see. */
class TokenNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	TokenNotFoundException(long id) {
		super("There is no token " + id + " of yours");
	}
}
