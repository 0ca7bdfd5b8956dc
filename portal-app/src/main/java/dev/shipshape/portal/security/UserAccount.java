package dev.shipshape.portal.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "user_accounts")
class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_accounts_seq")
	@SequenceGenerator(name = "user_accounts_seq", sequenceName = "user_accounts_seq", allocationSize = 50)
	private Long id;

	private String username;

	@Column(name = "username_key")
	private String usernameKey;

	private String displayName;

	private String passwordHash;

	private boolean enabled = true;

	@Enumerated(EnumType.STRING)
	private AccountKind kind = AccountKind.PERSON;

	private String ssoIssuer;

	private String ssoSubject;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "user_account_roles", joinColumns = @JoinColumn(name = "user_account_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	@Version
	private long version;

	private Instant createdAt;

	protected UserAccount() {
	}

	UserAccount(String username, String displayName, String passwordHash, Set<Role> roles, Instant now) {
		this.username = username;
		this.usernameKey = key(username);
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.roles.add(Role.VIEWER);
		this.roles.addAll(roles);
		this.createdAt = now;
	}

	static UserAccount service(String username, String displayName, Set<Role> roles, Instant now) {
		UserAccount account = new UserAccount(username, displayName, null, roles, now);
		account.kind = AccountKind.SERVICE;
		return account;
	}

	static UserAccount singleSignOn(SsoIdentity identity, Instant now) {
		UserAccount account = new UserAccount(identity.username(), identity.displayName(), null, identity.roles(), now);
		account.ssoIssuer = identity.issuer();
		account.ssoSubject = identity.subject();
		return account;
	}

	/** The provider decides roles and name of single sign-on accounts at every sign-in. */
	void signedInThroughSso(SsoIdentity identity) {
		this.displayName = identity.displayName();
		this.roles.clear();
		this.roles.add(Role.VIEWER);
		this.roles.addAll(identity.roles());
	}

	boolean isSingleSignOn() {
		return this.ssoSubject != null;
	}

	AccountSummary summary() {
		return new AccountSummary(this.id, this.username, this.displayName, this.kind, this.roles, this.enabled,
				isSingleSignOn());
	}

	static String key(String username) {
		return username.toLowerCase(Locale.ROOT);
	}

	String getUsername() {
		return this.username;
	}

	String getDisplayName() {
		return this.displayName;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	boolean isEnabled() {
		return this.enabled;
	}

	Set<Role> getRoles() {
		return Set.copyOf(this.roles);
	}
}
