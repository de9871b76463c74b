package org.strongroom.security.domain;

import java.util.List;
import java.util.Optional;

/** Where token signing keys are kept. Callers run inside a transaction. */
public interface TokenSigningKeyRepository {

    Optional<TokenSigningKey> find(String keyId);

    /** All signing keys, newest first. */
    List<TokenSigningKey> all();

    void add(TokenSigningKey key);
}
