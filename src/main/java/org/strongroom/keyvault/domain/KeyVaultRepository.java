package org.strongroom.keyvault.domain;

import java.util.List;
import java.util.Optional;

/** Where key vaults are kept. Callers run inside a transaction. */
public interface KeyVaultRepository {

    Optional<KeyVault> find(String name);

    List<KeyVault> all();

    void add(KeyVault keyVault);
}
