package org.strongroom.storage.domain;

/** Reads chunk blobs of one vault; keeps a few packs open between reads. Close it when done. */
public interface BlobReader extends AutoCloseable {

    /** The stored blob of {@code ref}; {@link StoreDamagedException} when it is missing or short. */
    byte[] read(ChunkRef ref);

    @Override
    void close();
}
