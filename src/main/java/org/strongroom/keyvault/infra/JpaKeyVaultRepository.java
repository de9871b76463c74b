package org.strongroom.keyvault.infra;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.strongroom.keyvault.domain.KeyVault;
import org.strongroom.keyvault.domain.KeyVaultRepository;

@ApplicationScoped
public class JpaKeyVaultRepository implements KeyVaultRepository {

    @PersistenceContext(unitName = "strongroom")
    EntityManager em;

    @Override
    public Optional<KeyVault> find(String name) {
        return Optional.ofNullable(em.find(KeyVault.class, name));
    }

    @Override
    public List<KeyVault> all() {
        return em.createQuery("SELECT k FROM KeyVault k", KeyVault.class).getResultList();
    }

    @Override
    public void add(KeyVault keyVault) {
        em.persist(keyVault);
    }
}
