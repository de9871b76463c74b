/**
 * Protected items: the data sources registered for backup in a vault ({@code Files}, {@code Disk}; the
 * passphrase {@code Agent} and {@code Classic} workloads outside key-protected vaults), with their
 * backup policy and protection state.
 *
 * <p>Depends on {@code vault}, {@code jobs}, {@code activitylog}, {@code platform}, {@code web} and the
 * role names of {@code security}.
 */
package org.strongroom.protection;
