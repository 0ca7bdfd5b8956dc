package dev.shipshape.portal.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal's accounts, stored in PostgreSQL: people with a bcrypt password hash or a single
 * sign-on identity, and service accounts that authenticate only with API tokens.
 */
@Service
@Transactional(readOnly = true)
public class UserAccounts {

	/** Account names follow the catalog's naming rule, so that a person's account and entry match. */
	public static final String NAME_PATTERN = "^(?=.{1,63}$)[A-Za-z0-9]+([-_.][A-Za-z0-9]+)*$";

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	UserAccounts(UserAccountRepository accounts, PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
			Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.clock = clock;
	}

	/** The account that may sign in with this name and a password: never a service or single sign-on account. */
	UserDetails passwordAccount(String username) {
		UserAccount account = this.accounts.findByUsernameKey(UserAccount.key(username))
			.filter((found) -> found.getPasswordHash() != null)
			.orElseThrow(() -> new UsernameNotFoundException("No account named " + username));
		return User.withUsername(account.getUsername())
			.password(account.getPasswordHash())
			.disabled(!account.isEnabled())
			.authorities(account.getRoles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList())
			.build();
	}

	public boolean exists(String username) {
		return this.accounts.findByUsernameKey(UserAccount.key(username)).isPresent();
	}

	public Optional<AccountSummary> find(String username) {
		return this.accounts.findByUsernameKey(UserAccount.key(username)).map(UserAccount::summary);
	}

	public Optional<AccountSummary> find(long id) {
		return this.accounts.findWithRolesById(id).map(UserAccount::summary);
	}

	public boolean anyWithRole(Role role) {
		return this.accounts.existsWithRole(role);
	}

	public List<AccountSummary> serviceAccounts() {
		return this.accounts.findByKindOrderByUsernameKey(AccountKind.SERVICE).stream().map(UserAccount::summary).toList();
	}

	/** Creates an account with a password; the password is stored only as a bcrypt hash. */
	@Transactional
	public void create(String username, String displayName, String rawPassword, Set<Role> roles) {
		created(this.accounts.save(new UserAccount(username, displayName, this.passwordEncoder.encode(rawPassword), roles,
				this.clock.instant())));
	}

	/**
	 * Creates an account for automation: no password, it authenticates only with the API tokens
	 * created for it.
	 * @throws AccountNameTakenException when the name is taken in any letter case
	 */
	@Transactional
	public AccountSummary createServiceAccount(String username, String displayName, Set<Role> roles) {
		if (exists(username)) {
			throw new AccountNameTakenException(username);
		}
		return created(this.accounts.save(UserAccount.service(username, displayName, roles, this.clock.instant())));
	}

	/**
	 * The account of someone the OpenID Connect provider signed in: created at the first sign-in,
	 * its name and roles refreshed at every one.
	 * @throws AccountNameTakenException when another account holds the name
	 */
	@Transactional
	AccountSummary signedInThroughSso(SsoIdentity identity) {
		Optional<UserAccount> known = this.accounts.findBySsoIssuerAndSsoSubject(identity.issuer(), identity.subject());
		if (known.isPresent()) {
			AccountSummary before = known.get().summary();
			known.get().signedInThroughSso(identity);
			AccountSummary after = known.get().summary();
			if (!before.roles().equals(after.roles())) {
				this.events.publishEvent(new SecurityEvents.AccountChanged("roles_changed", before, after));
			}
			return after;
		}
		if (exists(identity.username())) {
			throw new AccountNameTakenException(identity.username());
		}
		return created(this.accounts.save(UserAccount.singleSignOn(identity, this.clock.instant())));
	}

	private AccountSummary created(UserAccount account) {
		AccountSummary summary = account.summary();
		this.events.publishEvent(new SecurityEvents.AccountChanged("created", null, summary));
		return summary;
	}
}
