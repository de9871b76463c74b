package org.strongroom.diskencryption.domain;

import java.util.List;

/**
 * What uses a disk encryption set, told by the component that keeps it (protected items name their source
 * disk's set): the disk encryption component knows no item.
 */
public interface DiskEncryptionSetUsers {

    /** What uses {@code set}, each in words (e.g. {@code "item vaults/v1/items/disk1"}); empty when nothing. */
    List<String> of(String set);
}
