package dev.shipshape.portal.tokens;

/** A token or service account that cannot be created as asked; names the field at fault. */
public class InvalidTokenRequestException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String field;

	public InvalidTokenRequestException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}
}
