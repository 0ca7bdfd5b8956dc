package dev.shipshape.portal.tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import dev.shipshape.portal.security.TokenScope;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An API token of one account: only the hash of its secret is kept. */
@Entity
@Table(name = "api_tokens")
class ApiToken {

	/** Last use is recorded at most this often, so that busy pipelines do not write on every call. */
	static final Duration USAGE_PRECISION = Duration.ofMinutes(1);

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_tokens_seq")
	@SequenceGenerator(name = "api_tokens_seq", sequenceName = "api_tokens_seq", allocationSize = 50)
	private Long id;

	private long userAccountId;

	private String name;

	private String secretHash;

	private String secretHint;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "api_token_scopes", joinColumns = @JoinColumn(name = "api_token_id"))
	@Column(name = "scope")
	@Convert(converter = TokenScopeConverter.class)
	private Set<TokenScope> scopes = new HashSet<>();

	private Instant createdAt;

	private String createdBy;

	private Instant expiresAt;

	private Instant lastUsedAt;

	private Instant revokedAt;

	private String revokedBy;

	protected ApiToken() {
	}

	ApiToken(long userAccountId, String name, String secret, Set<TokenScope> scopes, Instant expiresAt, String createdBy,
			Instant now) {
		this.userAccountId = userAccountId;
		this.name = name;
		this.secretHash = TokenSecrets.hash(secret);
		this.secretHint = TokenSecrets.hint(secret);
		this.scopes.addAll(scopes);
		this.expiresAt = expiresAt;
		this.createdBy = createdBy;
		this.createdAt = now;
	}

	TokenStatus status(Instant now) {
		if (this.revokedAt != null) {
			return TokenStatus.REVOKED;
		}
		return (this.expiresAt != null && !now.isBefore(this.expiresAt)) ? TokenStatus.EXPIRED : TokenStatus.ACTIVE;
	}

	/** Revokes the token at once; revoking it again changes nothing. */
	void revoke(String by, Instant now) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
			this.revokedBy = by;
		}
	}

	boolean usageIsStale(Instant now) {
		return this.lastUsedAt == null || this.lastUsedAt.isBefore(now.minus(USAGE_PRECISION));
	}

	TokenView view(String account, Instant now) {
		return new TokenView(this.id, this.name, account,
				this.scopes.stream().map(TokenScope::value).sorted().toList(), this.secretHint + "…", this.createdAt,
				this.createdBy, this.expiresAt, this.lastUsedAt, this.revokedAt, this.revokedBy, status(now));
	}

	Long getId() {
		return this.id;
	}

	long getUserAccountId() {
		return this.userAccountId;
	}

	Set<TokenScope> getScopes() {
		return Set.copyOf(this.scopes);
	}
}
