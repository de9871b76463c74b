package org.strongroom.storage.domain;

/** Reads chunk blobs of one vault; keeps a few packs open between reads. Close it when done. */
public interface BlobReader extends AutoCloseable {

    /**
     * Threads that read and open chunks at once in a restore or verify: twice the cores, at least four, so
     * that reads from a cold store overlap with decryption (with one thread per core a restore from disk
     * waited on one read per core at a time).
     */
    static int parallelReaders() {
        return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }

    /** The stored blob of {@code ref}; {@link StoreDamagedException} when it is missing or short. */
    byte[] read(ChunkRef ref);

    @Override
    void close();
}
