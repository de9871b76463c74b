/**
 * Shared kernel: the error model every component raises ({@link org.strongroom.platform.StrongroomException}
 * with an {@link org.strongroom.platform.ErrorCode}), the rule that a request's unknown fields are refused
 * ({@link org.strongroom.platform.KnownFields}), the value types every component speaks of
 * ({@link org.strongroom.platform.VaultName} and {@link org.strongroom.platform.ItemRef}, checked once
 * where they are made; {@link org.strongroom.platform.ResourcePath}, what the activity log and jobs name),
 * the database schema migrations, server settings, and described metrics
 * ({@link org.strongroom.platform.Meters}).
 *
 * <p>Depends on nothing else in Strongroom but {@code crypto} (to print the served certificate's
 * fingerprint); every component may depend on it.
 */
package org.strongroom.platform;
