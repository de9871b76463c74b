/**
 * Shared kernel: the error model every component raises ({@link org.strongroom.platform.StrongroomException}
 * with an {@link org.strongroom.platform.ErrorCode}), the rule that a request's unknown fields are refused
 * ({@link org.strongroom.platform.KnownFields}), the database schema migrations, server settings, and
 * described metrics ({@link org.strongroom.platform.Meters}).
 *
 * <p>Depends on nothing else in Strongroom; every component may depend on it.
 */
package org.strongroom.platform;
