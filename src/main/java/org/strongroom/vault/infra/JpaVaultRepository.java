package org.strongroom.vault.infra;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.strongroom.vault.domain.Vault;
import org.strongroom.vault.domain.VaultRepository;

@ApplicationScoped
public class JpaVaultRepository implements VaultRepository {

    @PersistenceContext(unitName = "strongroom")
    EntityManager em;

    @Override
    public Optional<Vault> find(String name) {
        return Optional.ofNullable(em.find(Vault.class, name));
    }

    @Override
    public List<Vault> all() {
        return em.createQuery("SELECT v FROM Vault v", Vault.class).getResultList();
    }

    @Override
    public void add(Vault vault) {
        em.persist(vault);
    }
}
