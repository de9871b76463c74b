package org.strongroom.storage.domain;

import java.util.UUID;

/** A pack being written: blobs appended one after the other, then sealed (durable, under its final name). */
public interface PackWriter extends AutoCloseable {

    UUID id();

    /** Appends a blob; returns its offset in the pack. */
    long append(byte[] blob, int offset, int length);

    long length();

    /** Makes the pack durable (fsync) and visible under its final name. */
    void seal();

    /** Removes an unsealed pack; does nothing once sealed. */
    @Override
    void close();
}
