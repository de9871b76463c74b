package org.strongroom.security.infra;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.strongroom.security.domain.ServicePrincipal;
import org.strongroom.security.domain.ServicePrincipalRepository;

@ApplicationScoped
public class JpaServicePrincipalRepository implements ServicePrincipalRepository {

    @PersistenceContext(unitName = "strongroom")
    EntityManager em;

    @Override
    public Optional<ServicePrincipal> findByAppId(String appId) {
        return Optional.ofNullable(em.find(ServicePrincipal.class, appId));
    }

    @Override
    public Optional<ServicePrincipal> findByPrincipalId(String principalId) {
        return em.createQuery("SELECT p FROM ServicePrincipal p WHERE p.principalId = :id", ServicePrincipal.class)
                .setParameter("id", principalId).getResultStream().findFirst();
    }

    @Override
    public Optional<ServicePrincipal> findByDisplayName(String displayName) {
        return em.createQuery("SELECT p FROM ServicePrincipal p WHERE p.displayName = :name", ServicePrincipal.class)
                .setParameter("name", displayName).getResultStream().findFirst();
    }

    @Override
    public List<ServicePrincipal> all() {
        return em.createQuery("SELECT p FROM ServicePrincipal p ORDER BY p.displayName", ServicePrincipal.class).getResultList();
    }

    @Override
    public void add(ServicePrincipal principal) {
        em.persist(principal);
    }

    @Override
    public void remove(ServicePrincipal principal) {
        em.remove(principal);
    }
}
