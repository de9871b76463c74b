package org.strongroom.protection.infra;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.strongroom.platform.VaultName;
import org.strongroom.protection.domain.ProtectedItem;
import org.strongroom.protection.domain.ProtectedItemRepository;

@ApplicationScoped
public class JpaProtectedItemRepository implements ProtectedItemRepository {

    @PersistenceContext(unitName = "strongroom")
    EntityManager em;

    @Override
    public Optional<ProtectedItem> find(VaultName vault, String name) {
        return em.createQuery("SELECT i FROM ProtectedItem i WHERE i.vault = :vault AND i.name = :name", ProtectedItem.class)
                .setParameter("vault", vault.value())
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<ProtectedItem> findForUpdate(VaultName vault, String name) {
        return em.createQuery("SELECT i FROM ProtectedItem i WHERE i.vault = :vault AND i.name = :name", ProtectedItem.class)
                .setParameter("vault", vault.value())
                .setParameter("name", name)
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
    public void add(ProtectedItem item) {
        em.persist(item);
    }
}
