package org.strongroom.protection.domain;

import java.util.List;
import java.util.Optional;

/** Where protected items are kept. Callers run inside a transaction. */
public interface ProtectedItemRepository {

    Optional<ProtectedItem> find(String vault, String name);

    List<ProtectedItem> list(String vault);

    void add(ProtectedItem item);
}
