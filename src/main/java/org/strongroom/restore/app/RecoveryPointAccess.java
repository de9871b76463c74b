package org.strongroom.restore.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.crypto.VaultDataKey;
import org.strongroom.platform.ItemRef;
import org.strongroom.protection.app.RecoveryPoints;
import org.strongroom.protection.domain.RecoveryPoint;
import org.strongroom.storage.app.RecoveryPointReader;
import org.strongroom.storage.domain.ChunkRef;
import org.strongroom.storage.domain.ChunkStore;
import org.strongroom.vault.app.KeyRecheck;
import org.strongroom.vault.app.VaultDataKeys;
import org.strongroom.vault.app.VaultService;
import org.strongroom.vault.domain.Vault;

/**
 * The one way {@code Verify} and {@code Restore} open a recovery point: the point as recorded, the
 * vault's data key unwrapped afresh (key refusals carry the seed's codes, before anything is read or
 * written), and a reader that authenticates every chunk. Like a backup, it first puts the store's copy of
 * the wrapped data key right from the database ({@code VaultDataKeys.syncStore}), so that offline recovery
 * finds the key in force.
 */
@ApplicationScoped
public class RecoveryPointAccess {

    @Inject
    RecoveryPoints points;

    @Inject
    VaultService vaults;

    @Inject
    VaultDataKeys dataKeys;

    @Inject
    ChunkStore store;

    /**
     * An opened recovery point; closing it closes the reader and zeroes the keys. Read chunks through
     * {@link #chunk}: it asks the key vault again as data goes by, so that a key revoked while the job runs
     * stops it.
     */
    public record Opened(RecoveryPoint point, VaultDataKey keys, RecoveryPointReader reader, KeyRecheck recheck)
            implements AutoCloseable {

        /** A chunk's plaintext, authenticated, once the key has been re-checked when due. */
        public byte[] chunk(ChunkRef ref) {
            recheck.passed(ref.plainLength());
            return reader.chunk(ref);
        }

        @Override
        public void close() {
            try {
                reader.close();
            } finally {
                keys.close();
            }
        }
    }

    public Opened open(ItemRef item, String recoveryPoint) {
        RecoveryPoint point = points.get(item, recoveryPoint).point();
        Vault owner = vaults.get(item.vault());
        dataKeys.syncStore(owner);
        VaultDataKey keys = dataKeys.open(owner);
        try {
            return new Opened(point, keys, new RecoveryPointReader(store, keys, item, recoveryPoint),
                    dataKeys.recheck(item.vault()));
        } catch (RuntimeException e) {
            keys.close();
            throw e;
        }
    }
}
