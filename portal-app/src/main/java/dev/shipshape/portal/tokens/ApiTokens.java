package dev.shipshape.portal.tokens;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.shipshape.portal.audit.AuditChange;
import dev.shipshape.portal.audit.AuditTrail;
import dev.shipshape.portal.security.AccountSummary;
import dev.shipshape.portal.security.ApiTokenVerifier;
import dev.shipshape.portal.security.InvalidApiTokenException;
import dev.shipshape.portal.security.InvalidApiTokenException.Reason;
import dev.shipshape.portal.security.TokenScope;
import dev.shipshape.portal.security.UserAccounts;
import dev.shipshape.portal.security.VerifiedApiToken;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for automation: created by a person for themself, or by an administrator for a
 * service account; shown once, stored as a SHA-256 hash, revocable at once.
 */
@Service
@Transactional(readOnly = true)
public class ApiTokens implements ApiTokenVerifier {

	private final ApiTokenRepository tokens;

	private final UserAccounts accounts;

	private final AuditTrail audit;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ApiTokens(ApiTokenRepository tokens, UserAccounts accounts, AuditTrail audit, Clock clock) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates a token for {@code account}, at the request of {@code creator}. Only service accounts
	 * get tokens from someone else (an administrator, as the web adapters check).
	 * @param expiresAt when it stops working; {@code null}: never
	 * @throws InvalidTokenRequestException when the account is unknown or not the creator's to give tokens to,
	 * or the expiry has passed
	 */
	@Transactional
	public CreatedToken create(String account, String creator, String name, Set<TokenScope> scopes, Instant expiresAt) {
		AccountSummary owner = this.accounts.find(account)
			.orElseThrow(() -> new InvalidTokenRequestException("account", "no account is named " + account));
		if (!owner.username().equalsIgnoreCase(creator) && !owner.isService()) {
			throw new InvalidTokenRequestException("account",
					"tokens are created by their owner, or by an administrator for a service account");
		}
		Instant now = this.clock.instant();
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw new InvalidTokenRequestException("expiresAt", "must be in the future");
		}
		String secret = TokenSecrets.generate(this.random);
		ApiToken token = this.tokens.save(new ApiToken(owner.id(), name.strip(), secret, scopes, expiresAt, creator, now));
		TokenView created = token.view(owner.username(), now);
		this.audit.record(new AuditChange("token.created", "token", Long.toString(created.id()), null, created,
				"Created token '" + created.name() + "' #" + created.id() + " for " + created.account() + " with scopes "
						+ created.scopes()));
		return new CreatedToken(created, secret);
	}

	/** The tokens of an account, newest first, revoked and expired ones included. */
	public List<TokenView> tokensOf(String account) {
		Instant now = this.clock.instant();
		return this.accounts.find(account)
			.map((owner) -> this.tokens.findByUserAccountIdOrderByCreatedAtDesc(owner.id())
				.stream()
				.map((token) -> token.view(owner.username(), now))
				.toList())
			.orElse(List.of());
	}

	public Optional<TokenView> find(long id) {
		return this.tokens.findById(id).map(this::view);
	}

	/**
	 * Revokes a token of {@code actor}'s, or any token when {@code actorIsAdmin}; it stops working
	 * with the next request.
	 * @return the revoked token, empty when there is no such token the actor may see
	 */
	@Transactional
	public Optional<TokenView> revoke(long id, String actor, boolean actorIsAdmin) {
		return this.tokens.findById(id).filter((token) -> actorIsAdmin || ownedBy(token, actor)).map((token) -> {
			TokenView before = view(token);
			token.revoke(actor, this.clock.instant());
			TokenView after = view(token);
			if (before.revokedAt() == null) {
				this.audit.record(new AuditChange("token.revoked", "token", Long.toString(id), before, after,
						"Revoked token '" + after.name() + "' #" + id + " of " + after.account()));
			}
			return after;
		});
	}

	@Override
	@Transactional
	public VerifiedApiToken verify(String secret) {
		if (!TokenSecrets.isWellFormed(secret)) {
			throw new InvalidApiTokenException(Reason.MALFORMED);
		}
		ApiToken token = this.tokens.findBySecretHash(TokenSecrets.hash(secret))
			.orElseThrow(() -> new InvalidApiTokenException(Reason.UNKNOWN));
		Instant now = this.clock.instant();
		switch (token.status(now)) {
			case REVOKED -> throw new InvalidApiTokenException(Reason.REVOKED, token.getId());
			case EXPIRED -> throw new InvalidApiTokenException(Reason.EXPIRED, token.getId());
			case ACTIVE -> {
			}
		}
		AccountSummary account = this.accounts.find(token.getUserAccountId())
			.filter(AccountSummary::enabled)
			.orElseThrow(() -> new InvalidApiTokenException(Reason.ACCOUNT_DISABLED, token.getId()));
		if (token.usageIsStale(now)) {
			this.tokens.recordUse(token.getId(), now, now.minus(ApiToken.USAGE_PRECISION));
		}
		return new VerifiedApiToken(token.getId(), account.username(), account.roles(), token.getScopes());
	}

	private boolean ownedBy(ApiToken token, String username) {
		return this.accounts.find(username).map((account) -> account.id() == token.getUserAccountId()).orElse(false);
	}

	private TokenView view(ApiToken token) {
		String account = this.accounts.find(token.getUserAccountId()).map(AccountSummary::username).orElse("?");
		return token.view(account, this.clock.instant());
	}
}
