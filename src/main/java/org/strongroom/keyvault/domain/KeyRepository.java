package org.strongroom.keyvault.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where keys are kept, deleted ones included. Callers run inside a transaction. */
public interface KeyRepository {

    /** The key of that name, deleted or not. */
    Optional<KeyVaultKey> find(String keyVault, String name);

    /** The key of that name, locked until the transaction ends (for changes that add versions). */
    Optional<KeyVaultKey> findForUpdate(String keyVault, String name);

    List<KeyVaultKey> list(String keyVault, boolean deleted);

    /** Deleted keys whose retention ended before {@code now}. */
    List<KeyVaultKey> purgeableAt(Instant now);

    void add(KeyVaultKey key);

    void remove(KeyVaultKey key);
}
