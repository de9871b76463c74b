package org.strongroom.vault.domain;

import java.util.List;
import java.util.Optional;

/** Where vaults are kept. Callers run inside a transaction. */
public interface VaultRepository {

    Optional<Vault> find(String name);

    /** The vault, locked until the transaction ends: for changes that must not interleave (key updates). */
    Optional<Vault> findForUpdate(String name);

    List<Vault> all();

    /** Vaults with customer-managed keys that follow {@code versionlessKeyUri} (auto-rotation). */
    List<Vault> following(String versionlessKeyUri);

    void add(Vault vault);
}
