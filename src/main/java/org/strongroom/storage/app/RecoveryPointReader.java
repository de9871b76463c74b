package org.strongroom.storage.app;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.strongroom.crypto.ChunkSealer;
import org.strongroom.crypto.IntegrityException;
import org.strongroom.crypto.VaultDataKey;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.VaultName;
import org.strongroom.storage.domain.BlobReader;
import org.strongroom.storage.domain.ChunkRef;
import org.strongroom.storage.domain.ChunkStore;
import org.strongroom.storage.domain.Manifest;
import org.strongroom.storage.domain.ManifestCodec;

/**
 * Reads one recovery point back: its manifest, then its chunks, each decrypted and authenticated (AES-GCM
 * tag, associated data naming vault and chunk, chunk id recomputed, length checked). Restore and verify
 * both read through here, and a backup writes its manifest through {@link #writeManifest}, so that the
 * manifest's format and sealing live in one place. Chunks may be read from several threads. Close it when done.
 *
 * <p>Anything that does not check out fails with {@link IntegrityException} (altered, truncated, swapped,
 * wrong key) or {@link org.strongroom.storage.domain.StoreDamagedException} (a missing or short file).
 */
public final class RecoveryPointReader implements AutoCloseable {

    private final ChunkStore store;
    private final VaultDataKey keys;
    private final ItemRef item;
    private final String recoveryPointId;
    private final BlobReader blobs;
    /**
     * Sealers of the threads reading right now, each taken for one chunk and given back: no thread keeps
     * one (a ThreadLocal would outlive the job on a pooled thread, with the keys), and close drops them all.
     */
    private final Queue<ChunkSealer> sealers = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    public RecoveryPointReader(ChunkStore store, VaultDataKey keys, ItemRef item, String recoveryPointId) {
        this.store = store;
        this.keys = keys;
        this.item = item;
        this.recoveryPointId = recoveryPointId;
        this.blobs = store.blobs(item.vault());
    }

    /**
     * Writes a new recovery point's manifest as {@link #manifest} reads it back: encoded, sealed under the
     * vault's manifest key bound to the item and point the manifest names, written last and atomically.
     */
    public static void writeManifest(ChunkStore store, VaultDataKey keys, Manifest manifest) {
        byte[] sealed = keys.sealManifest(ManifestCodec.encode(manifest), manifest.item(), manifest.recoveryPointId());
        store.writeManifest(ItemRef.of(VaultName.of(manifest.vault()), manifest.item()), manifest.recoveryPointId(), sealed);
    }

    /** The manifest, decrypted and checked to be this recovery point's. */
    public Manifest manifest() {
        byte[] plaintext = keys.openManifest(store.readManifest(item, recoveryPointId), item.item(), recoveryPointId);
        Manifest manifest;
        try {
            manifest = ManifestCodec.decode(plaintext);
        } catch (IllegalArgumentException e) {
            throw new IntegrityException("The manifest of " + recoveryPointId + " is not readable: " + e.getMessage());
        }
        if (!manifest.vault().equals(item.vault().value()) || !manifest.item().equals(item.item())
                || !manifest.recoveryPointId().equals(recoveryPointId)) {
            throw new IntegrityException("The manifest of " + recoveryPointId + " belongs to another recovery point");
        }
        return manifest;
    }

    /** A chunk's plaintext, authenticated. */
    public byte[] chunk(ChunkRef ref) {
        ChunkSealer polled = sealers.poll();
        ChunkSealer sealer = polled != null ? polled : keys.newSealer();
        byte[] plaintext;
        try {
            plaintext = sealer.open(ref.id().bytes(), blobs.read(ref));
        } finally {
            if (!closed) {
                sealers.offer(sealer);
            }
        }
        if (plaintext.length != ref.plainLength()) {
            throw new IntegrityException("Chunk " + ref.id() + " holds " + plaintext.length + " bytes, the manifest says "
                    + ref.plainLength());
        }
        return plaintext;
    }

    @Override
    public void close() {
        closed = true;
        sealers.clear();
        blobs.close();
    }
}
