package org.strongroom.keymanager.domain;

import java.util.List;
import java.util.Optional;

/** Where key manager registrations are kept. Callers run inside a transaction. */
public interface KeyManagerRepository {

    Optional<KeyManager> find(String name);

    Optional<KeyManager> findByKeyVaultUrl(String keyVaultUrl);

    List<KeyManager> all();

    void add(KeyManager keyManager);

    void remove(KeyManager keyManager);
}
