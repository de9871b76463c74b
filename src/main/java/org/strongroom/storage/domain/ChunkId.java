package org.strongroom.storage.domain;

import java.util.Arrays;
import java.util.HexFormat;

/** A chunk's id: the 32-byte HMAC-SHA-256 of its plaintext under the vault's id key. */
public record ChunkId(byte[] bytes) {

    public ChunkId {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("A chunk id has 32 bytes, not " + bytes.length);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChunkId id && Arrays.equals(bytes, id.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
