package org.strongroom.vault.infra;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.strongroom.platform.VaultName;
import org.strongroom.vault.domain.KeyHealth;
import org.strongroom.vault.domain.KeyHealthRepository;

@ApplicationScoped
public class JpaKeyHealthRepository implements KeyHealthRepository {

    @PersistenceContext(unitName = "strongroom")
    EntityManager em;

    @Override
    public Optional<KeyHealth> find(VaultName vault) {
        return Optional.ofNullable(em.find(KeyHealth.class, vault.toString()));
    }

    @Override
    public void add(KeyHealth health) {
        em.persist(health);
    }

    @Override
    public void remove(VaultName vault) {
        find(vault).ifPresent(em::remove);
    }
}
