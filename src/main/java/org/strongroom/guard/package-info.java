/**
 * Multi-user authorization: resource guards, each owned by a user whom no admin can change or remove, to
 * which vaults are bound; while bound, a vault's critical operations ({@link org.strongroom.guard.domain.CriticalOperation})
 * run only on a request the guard's owner approved, for a limited time, once. An admin alone cannot destroy
 * backups.
 *
 * <p>Depends on {@code platform}, {@code web}, {@code activitylog} and {@code security} (the owner's account).
 */
package org.strongroom.guard;
