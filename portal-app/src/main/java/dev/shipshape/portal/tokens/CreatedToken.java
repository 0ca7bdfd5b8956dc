package dev.shipshape.portal.tokens;

/** A token just created, with its secret: shown this once, never stored. */
public record CreatedToken(TokenView token, String secret) {
}
