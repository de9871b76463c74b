package org.strongroom.keyvault.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where keys are kept, deleted ones included. Callers run inside a transaction. */
public interface KeyRepository {

    /** The key of that name, deleted or not. */
    Optional<KeyVaultKey> find(String keyVault, String name);

    /** The key of that name, locked until the transaction ends (for changes that add versions). */
    Optional<KeyVaultKey> findForUpdate(String keyVault, String name);

    List<KeyVaultKey> list(String keyVault, boolean deleted);

    /** The ids of all keys that are not deleted, for the rotation scheduler to go through one by one. */
    List<UUID> activeIds();

    /** A key by its id, locked for the rest of the transaction. */
    Optional<KeyVaultKey> findForUpdate(UUID id);

    /** Deleted keys whose retention ended before {@code now}. */
    List<KeyVaultKey> purgeableAt(Instant now);

    void add(KeyVaultKey key);

    void remove(KeyVaultKey key);
}
