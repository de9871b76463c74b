package org.strongroom.keyvault.domain;

import java.util.List;
import java.util.Optional;

/** Where key vaults are kept. Callers run inside a transaction. */
public interface KeyVaultRepository {

    /** The key vault named {@code name}, or else the one whose name differs only in case (names are host names too). */
    Optional<KeyVault> find(String name);

    List<KeyVault> all();

    void add(KeyVault keyVault);

    void remove(KeyVault keyVault);
}
