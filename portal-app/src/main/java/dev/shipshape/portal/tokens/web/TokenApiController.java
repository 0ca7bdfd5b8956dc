package dev.shipshape.portal.tokens.web;

import java.net.URI;
import java.util.List;

import dev.shipshape.portal.security.CatalogPermissions;
import dev.shipshape.portal.tokens.ApiTokens;
import dev.shipshape.portal.tokens.CreatedToken;
import dev.shipshape.portal.tokens.TokenView;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * API tokens over REST. Only people manage tokens (a token never creates or revokes tokens): their
 * own, and administrators those of service accounts.
 */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenApiController {

	private final ApiTokens tokens;

	private final CatalogPermissions permissions;

	TokenApiController(ApiTokens tokens, CatalogPermissions permissions) {
		this.tokens = tokens;
		this.permissions = permissions;
	}

	/** The caller's tokens, or (administrators) those of {@code account}. */
	@GetMapping
	@PreAuthorize("@tokenPermissions.canManageTokensOf(authentication, #account)")
	List<TokenView> list(@RequestParam(required = false) String account, Authentication authentication) {
		return this.tokens.tokensOf((account != null) ? account : authentication.getName());
	}

	/** Creates a token and returns its secret, this once. */
	@PostMapping
	@PreAuthorize("@tokenPermissions.canManageTokensOf(authentication, #request.account())")
	ResponseEntity<CreatedToken> create(@Valid @RequestBody TokenRequest request, Authentication authentication) {
		CreatedToken created = this.tokens.create((request.account() != null) ? request.account() : authentication.getName(),
				authentication.getName(), request.name(), Scopes.parse(request.scopes()), request.expiresAt());
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.token().id())).body(created);
	}

	@GetMapping("/{id}")
	@PreAuthorize("@tokenPermissions.canManageTokens(authentication)")
	TokenView token(@PathVariable long id, Authentication authentication) {
		return this.tokens.find(id)
			.filter((token) -> this.permissions.isAdmin(authentication)
					|| token.account().equalsIgnoreCase(authentication.getName()))
			.orElseThrow(() -> new TokenNotFoundException(id));
	}

	/** Revokes a token at once: the next request with it gets 401. */
	@DeleteMapping("/{id}")
	@PreAuthorize("@tokenPermissions.canManageTokens(authentication)")
	ResponseEntity<Void> revoke(@PathVariable long id, Authentication authentication) {
		this.tokens.revoke(id, authentication.getName(), this.permissions.isAdmin(authentication))
			.orElseThrow(() -> new TokenNotFoundException(id));
		return ResponseEntity.noContent().build();
	}

	/** Every scope a token may have, with what it allows. */
	@GetMapping("/scopes")
	List<Scopes.ScopeDescription> scopes() {
		return Scopes.all();
	}
}
