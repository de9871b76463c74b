package org.strongroom.vault.domain;

import java.util.Optional;

import org.strongroom.platform.VaultName;

/** Where the vaults' key health reports are kept. Callers run inside a transaction. */
public interface KeyHealthRepository {

    Optional<KeyHealth> find(VaultName vault);

    void add(KeyHealth health);

    /** Forgets the vault's report, if it has one. */
    void remove(VaultName vault);
}
