package org.strongroom.protection.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.strongroom.platform.ItemRef;
import org.strongroom.platform.VaultName;

/** Where recovery points are kept. Callers run inside a transaction. */
public interface RecoveryPointRepository {

    void add(RecoveryPoint point);

    Optional<RecoveryPoint> find(ItemRef item, UUID id);

    /** The item's points with {@code from <= time <= to} (either may be null), newest first. */
    List<RecoveryPoint> list(ItemRef item, Instant from, Instant to);

    /** How many points the item holds. */
    int count(ItemRef item);

    /** Every point of the vault. */
    List<RecoveryPoint> inVault(VaultName vault);

    void remove(RecoveryPoint point);
}
