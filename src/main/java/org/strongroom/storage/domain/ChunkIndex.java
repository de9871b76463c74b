package org.strongroom.storage.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.strongroom.platform.VaultName;

/**
 * What the database knows of each vault's store: the chunks it holds (for deduplication), its packs, and
 * which recovery points use which packs (for garbage collection). Callers run inside a transaction.
 */
public interface ChunkIndex {

    /** Every chunk the vault holds, by id. */
    Map<ChunkId, ChunkRef> chunks(VaultName vault);

    /**
     * Records a committed recovery point: the packs it wrote ({@code newPacks}, id and length) and their
     * chunks, and every pack it reads from ({@code usedPacks}, new ones included).
     */
    void recordPoint(VaultName vault, UUID recoveryPoint, Map<UUID, Long> newPacks, Collection<ChunkRef> newChunks,
                     Set<UUID> usedPacks);

    /** Forgets a recovery point's use of packs. */
    void forgetPoint(UUID recoveryPoint);

    /** The vault's packs no recovery point uses. */
    Set<UUID> unusedPacks(VaultName vault);

    /** Every pack the database knows for the vault. */
    Set<UUID> packs(VaultName vault);

    /** Forgets packs and their chunks. */
    void removePacks(VaultName vault, Collection<UUID> packs);
}
