package org.strongroom.vault.domain;

import java.util.List;
import java.util.Optional;

/** Where vaults are kept. Callers run inside a transaction. */
public interface VaultRepository {

    Optional<Vault> find(String name);

    List<Vault> all();

    void add(Vault vault);
}
