package org.strongroom.storage.infra;

import java.util.Optional;

/**
 * One container (Azure Blob Storage) or bucket (S3) of an object store, by the few requests the chunk store makes
 * of it. Names are the store layout's (docs/format.md); each implementation retries with backoff, and a
 * failure that outlasts its retries is thrown as the SDK's own exception.
 */
interface ObjectStore {

    /** Stores {@code content} under {@code name}, whole or not at all, replacing what was there. */
    void put(String name, byte[] content);

    /** The content of {@code name}; empty when there is no such object. */
    Optional<byte[]> get(String name);

    /**
     * {@code length} bytes of {@code name} from {@code offset}; empty when there is no such object, fewer bytes
     * (none at all) when it ends before.
     */
    Optional<byte[]> get(String name, long offset, int length);

    /** The names that start with {@code prefix}. */
    Iterable<String> list(String prefix);

    /** Removes {@code name}; nothing happens when it is already gone. */
    void delete(String name);

    /** An upload in parts of {@code name}: nothing under the name until it completes. */
    Upload upload(String name);

    /** Where {@code name} is, for messages. */
    String url(String name);

    /** Parts sent — from several threads at once, in any order — then made one object at once, in the order of their numbers. */
    interface Upload {

        /** Sends part {@code number} (from 1): the first {@code length} bytes of {@code part}. Thread-safe. */
        void part(int number, byte[] part, int length);

        /** Makes the parts sent one object under the upload's name, in the order of their numbers. */
        void complete();

        /** Gives the upload up: the parts sent are discarded and nothing appears under the name. */
        void abort();
    }
}
