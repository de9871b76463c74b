package org.strongroom.storage.domain;

import org.strongroom.platform.VaultName;

/** The object stores vaults' data may live in, as the chunk store reaches them. */
public interface ObjectStores {

    /**
     * Opens the chunk store of {@code store} with its account key in the clear (held only for the call); its
     * container is made when missing. One that cannot be reached is refused (400, target {@code storage}).
     */
    ChunkStore connect(VaultStore store, String accountKey);

    /** Forgets what was found for {@code vault}'s store: it was just chosen, or the vault is gone. */
    void forget(VaultName vault);
}
