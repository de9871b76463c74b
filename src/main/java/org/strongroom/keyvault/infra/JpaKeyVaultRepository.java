package org.strongroom.keyvault.infra;

import java.util.List;
import java.util.Locale;
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
        KeyVault exact = em.find(KeyVault.class, name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return em.createQuery("SELECT k FROM KeyVault k WHERE LOWER(k.name) = :name", KeyVault.class)
                .setParameter("name", name.toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }

    @Override
    public List<KeyVault> all() {
        return em.createQuery("SELECT k FROM KeyVault k", KeyVault.class).getResultList();
    }

    @Override
    public void remove(KeyVault keyVault) {
        em.remove(keyVault);
    }

    @Override
    public void add(KeyVault keyVault) {
        em.persist(keyVault);
    }
}
