package org.strongroom.platform;

import java.util.Objects;

/**
 * Who asks: a signed-in user (name, and whether it has the {@code admin} role), a vault's managed
 * identity (its principal id) when Strongroom's own services act for a vault, or the system itself.
 */
public record Caller(String name, boolean admin) {

    /** Strongroom acting on its own (timers, automatic rotation). */
    public static final Caller SYSTEM = new Caller("system", false);

    public Caller {
        Objects.requireNonNull(name);
    }

    /** A managed identity, which never has administrator rights: it needs access policies. */
    public static Caller identity(String principalId) {
        return new Caller(principalId, false);
    }
}
