package org.strongroom.storage.domain;

/** The object stores vaults' data may live in, as the chunk store reaches them. */
public interface ObjectStores {

    /**
     * Opens the chunk store of {@code store} with its account key in the clear (held only for the call); its
     * container is made when missing. One that cannot be reached is refused (400, target {@code storage}).
     */
    ChunkStore connect(VaultStore store, String accountKey);
}
