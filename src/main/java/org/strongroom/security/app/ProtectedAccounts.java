package org.strongroom.security.app;

import java.util.Optional;

/**
 * A component that needs some accounts kept out of other users' reach (e.g. the owner of a resource guard,
 * whom an admin must not be able to impersonate by resetting the password): answers why, or nothing.
 */
public interface ProtectedAccounts {

    Optional<String> reasonToProtect(String userName);
}
