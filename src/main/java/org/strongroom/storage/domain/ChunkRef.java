package org.strongroom.storage.domain;

import java.util.UUID;

/** Where a chunk's blob is: in pack {@code pack}, at {@code offset}, {@code storedLength} bytes; {@code plainLength} decrypted. */
public record ChunkRef(ChunkId id, UUID pack, long offset, int storedLength, int plainLength) {
}
