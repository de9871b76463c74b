package org.strongroom.protection.infra;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.strongroom.platform.ItemRef;
import org.strongroom.platform.VaultName;
import org.strongroom.protection.domain.ProtectedItem;
import org.strongroom.protection.domain.ProtectedItemRepository;

@ApplicationScoped
public class JpaProtectedItemRepository implements ProtectedItemRepository {

    @PersistenceContext(unitName = "strongroom")
    EntityManager em;

    @Override
    public Optional<ProtectedItem> find(ItemRef item) {
        return em.createQuery("SELECT i FROM ProtectedItem i WHERE i.vault = :vault AND i.name = :name", ProtectedItem.class)
                .setParameter("vault", item.vault().value())
                .setParameter("name", item.item())
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<ProtectedItem> findForUpdate(ItemRef item) {
        return em.createQuery("SELECT i FROM ProtectedItem i WHERE i.vault = :vault AND i.name = :name", ProtectedItem.class)
                .setParameter("vault", item.vault().value())
                .setParameter("name", item.item())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<ProtectedItem> scheduled() {
        return em.createQuery("SELECT i FROM ProtectedItem i WHERE i.policy.schedule IS NOT NULL", ProtectedItem.class)
                .getResultList();
    }

    @Override
    public List<ProtectedItem> list(VaultName vault) {
        return em.createQuery("SELECT i FROM ProtectedItem i WHERE i.vault = :vault ORDER BY i.name", ProtectedItem.class)
                .setParameter("vault", vault.value())
                .getResultList();
    }

    @Override
    public List<ProtectedItem> usingDiskEncryptionSet(String diskEncryptionSet) {
        return em.createQuery("SELECT i FROM ProtectedItem i WHERE i.sourceDiskEncryptionSet = :set ORDER BY i.vault, i.name",
                        ProtectedItem.class)
                .setParameter("set", diskEncryptionSet)
                .getResultList();
    }

    @Override
    public void add(ProtectedItem item) {
        em.persist(item);
    }

    @Override
    public void remove(ProtectedItem item) {
        em.remove(item);
    }
}
