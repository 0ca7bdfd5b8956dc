package dev.shipshape.portal.security;

import java.time.Clock;
import java.util.Set;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The portal's accounts, stored in PostgreSQL with bcrypt password hashes. */
@Service
@Transactional(readOnly = true)
public class UserAccounts implements UserDetailsService {

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	UserAccounts(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
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

	public boolean anyWithRole(Role role) {
		return this.accounts.existsWithRole(role);
	}

	/** Creates an account with a password; the password is stored only as a bcrypt hash. */
	@Transactional
	public void create(String username, String displayName, String rawPassword, Set<Role> roles) {
		this.accounts.save(new UserAccount(username, displayName, this.passwordEncoder.encode(rawPassword), roles,
				this.clock.instant()));
	}
}
