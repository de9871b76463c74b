package org.strongroom.protection.domain;

import java.util.List;
import java.util.Optional;

import org.strongroom.platform.ItemRef;
import org.strongroom.platform.VaultName;

/** Where protected items are kept. Callers run inside a transaction. */
public interface ProtectedItemRepository {

    Optional<ProtectedItem> find(ItemRef item);

    /** The item, locked until the transaction ends. */
    Optional<ProtectedItem> findForUpdate(ItemRef item);

    /** Items whose policy has a schedule, across vaults. */
    List<ProtectedItem> scheduled();

    List<ProtectedItem> list(VaultName vault);

    /** The Disk items, across vaults, whose source disk's set is {@code diskEncryptionSet}. */
    List<ProtectedItem> usingDiskEncryptionSet(String diskEncryptionSet);

    void add(ProtectedItem item);

    void remove(ProtectedItem item);
}
