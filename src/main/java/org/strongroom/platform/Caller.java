package org.strongroom.platform;

import java.util.Objects;

/**
 * Who asks: a signed-in user (name, and whether it has the {@code admin} role), a managed identity (its
 * principal id) when Strongroom's own services act for a vault or a disk encryption set, a service
 * principal (its principal id) calling with an access token, or the system itself (timers, automatic
 * rotation). What kind it is decides how a key vault finds its access policy: a user's principal id is
 * looked up by its name, an identity's and a service principal's is its name, the system has none.
 */
public record Caller(String name, boolean admin, Kind kind) {

    /** The kinds of callers. */
    public enum Kind { USER, IDENTITY, SERVICE_PRINCIPAL, SYSTEM }

    /** Strongroom acting on its own (timers, automatic rotation). */
    public static final Caller SYSTEM = new Caller("system", false, Kind.SYSTEM);

    public Caller {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
    }

    /** A signed-in user (or a JMS producer authenticated as one). */
    public static Caller user(String name, boolean admin) {
        return new Caller(name, admin, Kind.USER);
    }

    /** A service principal signed in with an access token: like an identity, it needs access policies. */
    public static Caller servicePrincipal(String principalId) {
        return new Caller(principalId, false, Kind.SERVICE_PRINCIPAL);
    }

    /** A managed identity, which never has administrator rights: it needs access policies. */
    public static Caller identity(String principalId) {
        return new Caller(principalId, false, Kind.IDENTITY);
    }
}
