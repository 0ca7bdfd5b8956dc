package dev.shipshape.portal.tokens.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Asks for a token: a name to recognise it, its scopes (none: it may only read), when it expires
 * ({@code null}: never) and, for administrators, the service account it is for.
 */
record TokenRequest(@NotBlank @Size(max = 100) String name, List<String> scopes, Instant expiresAt, String account) {
}
