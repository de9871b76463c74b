package org.strongroom.support;

import java.nio.file.Path;
import java.util.List;

/** An object store's emulator started for a test (Azurite, S3Proxy), and how the test sees what a vault stored in it. */
public interface ObjectStoreEmulator extends AutoCloseable {

    /** The JSON of a vault's {@code storage} in {@code container} (a container or bucket). */
    String storage(String container);

    /** The names in {@code container} that start with {@code prefix}, sorted. */
    List<String> names(String container, String prefix);

    byte[] read(String container, String name);

    void write(String container, String name, byte[] content);

    /** The recovery tool's options that name {@code container}, its key read from {@code keyFile} (written by this call). */
    List<String> recoveryToolOptions(String container, Path keyFile);

    @Override
    void close();
}
