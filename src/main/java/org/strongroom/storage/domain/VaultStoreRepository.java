package org.strongroom.storage.domain;

import java.util.List;
import java.util.Optional;

import org.strongroom.platform.VaultName;

/** The object stores of vaults; a vault without one keeps its data in the server's store directory. */
public interface VaultStoreRepository {

    Optional<VaultStore> find(VaultName vault);

    List<VaultStore> all();

    void add(VaultStore store);

    void remove(VaultName vault);
}
