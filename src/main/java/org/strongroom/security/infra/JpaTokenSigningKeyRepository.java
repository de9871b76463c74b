package org.strongroom.security.infra;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.strongroom.security.domain.TokenSigningKey;
import org.strongroom.security.domain.TokenSigningKeyRepository;

@ApplicationScoped
public class JpaTokenSigningKeyRepository implements TokenSigningKeyRepository {

    @PersistenceContext(unitName = "strongroom")
    EntityManager em;

    @Override
    public Optional<TokenSigningKey> find(String keyId) {
        return Optional.ofNullable(em.find(TokenSigningKey.class, keyId));
    }

    @Override
    public List<TokenSigningKey> all() {
        return em.createQuery("SELECT k FROM TokenSigningKey k ORDER BY k.created DESC", TokenSigningKey.class).getResultList();
    }

    @Override
    public void add(TokenSigningKey key) {
        em.persist(key);
    }
}
