package org.strongroom.diskencryption.domain;

import java.util.List;
import java.util.Optional;

public interface DiskEncryptionSetRepository {

    Optional<DiskEncryptionSet> find(String name);

    List<DiskEncryptionSet> all();

    void add(DiskEncryptionSet set);

    void remove(DiskEncryptionSet set);
}
