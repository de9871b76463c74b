package org.strongroom.vault.domain;

import java.util.List;
import java.util.Optional;

import org.strongroom.platform.VaultName;

/** Where vaults are kept. Callers run inside a transaction. */
public interface VaultRepository {

    Optional<Vault> find(VaultName name);

    /** The vault, locked until the transaction ends: for changes that must not interleave (key updates). */
    Optional<Vault> findForUpdate(VaultName name);

    List<Vault> all();

    /** Vaults with customer-managed keys that follow {@code versionlessKeyUri} (auto-rotation). */
    List<Vault> following(String versionlessKeyUri);

    /** The vaults with a customer-managed key that follow it (auto-rotation), whatever the key. */
    List<Vault> followingKeys();

    /** The vaults whose identity is {@code principalId}. */
    List<Vault> withIdentity(String principalId);

    void add(Vault vault);

    void remove(Vault vault);
}
