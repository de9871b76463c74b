package org.strongroom.protection.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.diskencryption.domain.DiskEncryptionSetUsers;
import org.strongroom.platform.ResourcePath;
import org.strongroom.protection.domain.ProtectedItemRepository;

/** Disk items name their source disk's disk encryption set: while one does, the set is in use. */
@ApplicationScoped
public class ItemsUsingDiskEncryptionSets implements DiskEncryptionSetUsers {

    @Inject
    ProtectedItemRepository items;

    @Override
    public List<String> of(String set) {
        return items.usingDiskEncryptionSet(set).stream().map(item -> "item " + ResourcePath.item(item.ref())).toList();
    }
}
