package org.strongroom.protection.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.strongroom.diskencryption.domain.DiskEncryptionSetUsers;
import org.strongroom.platform.ResourcePath;
import org.strongroom.protection.domain.ProtectedItem;

/** Disk items name their source disk's disk encryption set: while one does, the set is in use. */
@ApplicationScoped
public class ItemsUsingDiskEncryptionSets implements DiskEncryptionSetUsers {

    @PersistenceContext(unitName = "strongroom")
    EntityManager em;

    @Override
    public List<String> of(String set) {
        return em.createQuery("SELECT i FROM ProtectedItem i WHERE i.sourceDiskEncryptionSet = :set ORDER BY i.vault, i.name",
                        ProtectedItem.class)
                .setParameter("set", set).getResultList().stream()
                .map(item -> "item " + ResourcePath.item(item.ref())).toList();
    }
}
