package org.strongroom.keyvault.infra;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.strongroom.keyvault.domain.KeyRepository;
import org.strongroom.keyvault.domain.KeyVaultKey;
import org.strongroom.platform.StrongroomException;

@ApplicationScoped
public class JpaKeyRepository implements KeyRepository {

    @PersistenceContext(unitName = "strongroom")
    EntityManager em;

    @Override
    public Optional<KeyVaultKey> find(String keyVault, String name) {
        return em.createQuery("SELECT k FROM KeyVaultKey k WHERE k.keyVault = :kv AND k.name = :name", KeyVaultKey.class)
                .setParameter("kv", keyVault)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<KeyVaultKey> findForUpdate(String keyVault, String name) {
        return em.createQuery("SELECT k FROM KeyVaultKey k WHERE k.keyVault = :kv AND k.name = :name", KeyVaultKey.class)
                .setParameter("kv", keyVault)
                .setParameter("name", name)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<KeyVaultKey> list(String keyVault, boolean deleted) {
        return em.createQuery("SELECT k FROM KeyVaultKey k WHERE k.keyVault = :kv AND k.deletedAt IS "
                        + (deleted ? "NOT NULL" : "NULL"), KeyVaultKey.class)
                .setParameter("kv", keyVault)
                .getResultList();
    }

    @Override
    public List<KeyVaultKey> purgeableAt(Instant now) {
        return em.createQuery("SELECT k FROM KeyVaultKey k WHERE k.scheduledPurgeAt < :now", KeyVaultKey.class)
                .setParameter("now", now)
                .getResultList();
    }

    @Override
    public List<UUID> activeIds() {
        return em.createQuery("SELECT k.id FROM KeyVaultKey k WHERE k.deletedAt IS NULL ORDER BY k.id", UUID.class).getResultList();
    }

    @Override
    public Optional<KeyVaultKey> findForUpdate(UUID id) {
        return Optional.ofNullable(em.find(KeyVaultKey.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Adds a new key; a key of the same name created at the same moment by another request is a 409. */
    @Override
    public void add(KeyVaultKey key) {
        em.persist(key);
        try {
            em.flush();
        } catch (PersistenceException concurrentCreate) {
            throw StrongroomException.conflict("Key '" + key.name() + "' is being created by another request; retry",
                    "keys/" + key.name());
        }
    }

    @Override
    public void remove(KeyVaultKey key) {
        em.remove(em.contains(key) ? key : em.merge(key));
    }
}
