package dev.shipshape.portal.security;

import java.util.Set;

/** Who an OpenID Connect provider says signed in, and the roles its groups map to. */
record SsoIdentity(String issuer, String subject, String username, String displayName, Set<Role> roles) {
}
