package org.strongroom.keymanager.infra;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.strongroom.keymanager.domain.KeyManager;
import org.strongroom.keymanager.domain.KeyManagerRepository;

@ApplicationScoped
public class JpaKeyManagerRepository implements KeyManagerRepository {

    @PersistenceContext(unitName = "strongroom")
    EntityManager em;

    @Override
    public Optional<KeyManager> find(String name) {
        return Optional.ofNullable(em.find(KeyManager.class, name));
    }

    @Override
    public Optional<KeyManager> findByKeyVaultUrl(String keyVaultUrl) {
        return em.createQuery("SELECT m FROM KeyManager m WHERE m.keyVaultUrl = :url", KeyManager.class)
                .setParameter("url", keyVaultUrl).getResultStream().findFirst();
    }

    @Override
    public List<KeyManager> all() {
        return em.createQuery("SELECT m FROM KeyManager m ORDER BY m.name", KeyManager.class).getResultList();
    }

    @Override
    public void add(KeyManager keyManager) {
        em.persist(keyManager);
    }

    @Override
    public void remove(KeyManager keyManager) {
        em.remove(keyManager);
    }
}
