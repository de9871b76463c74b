/**
 * Shared kernel: the error model every component raises ({@link org.strongroom.platform.StrongroomException}
 * with an {@link org.strongroom.platform.ErrorCode}), the database schema migrations, and server settings.
 *
 * <p>Depends on nothing else in Strongroom; every component may depend on it.
 */
package org.strongroom.platform;
