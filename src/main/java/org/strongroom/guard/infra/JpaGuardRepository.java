package org.strongroom.guard.infra;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.strongroom.guard.domain.CriticalOperation;
import org.strongroom.guard.domain.GuardBinding;
import org.strongroom.guard.domain.GuardRepository;
import org.strongroom.guard.domain.GuardRequest;
import org.strongroom.guard.domain.ResourceGuard;

@ApplicationScoped
public class JpaGuardRepository implements GuardRepository {

    @PersistenceContext(unitName = "strongroom")
    EntityManager em;

    @Override
    public Optional<ResourceGuard> find(String name) {
        return Optional.ofNullable(em.find(ResourceGuard.class, name));
    }

    @Override
    public List<ResourceGuard> all() {
        return em.createQuery("SELECT g FROM ResourceGuard g ORDER BY g.name", ResourceGuard.class).getResultList();
    }

    @Override
    public List<ResourceGuard> ownedBy(String user) {
        return em.createQuery("SELECT g FROM ResourceGuard g WHERE g.owner = :user ORDER BY g.name", ResourceGuard.class)
                .setParameter("user", user).getResultList();
    }

    @Override
    public void add(ResourceGuard guard) {
        em.persist(guard);
    }

    @Override
    public void remove(ResourceGuard guard) {
        em.remove(guard);
    }

    @Override
    public Optional<GuardBinding> bindingOf(String vault) {
        return Optional.ofNullable(em.find(GuardBinding.class, vault));
    }

    @Override
    public List<GuardBinding> bindingsTo(String guard) {
        return em.createQuery("SELECT b FROM GuardBinding b WHERE b.guard = :guard ORDER BY b.vault", GuardBinding.class)
                .setParameter("guard", guard).getResultList();
    }

    @Override
    public void add(GuardBinding binding) {
        em.persist(binding);
    }

    @Override
    public void remove(GuardBinding binding) {
        em.remove(binding);
    }

    @Override
    public Optional<GuardRequest> request(UUID id) {
        return Optional.ofNullable(em.find(GuardRequest.class, id));
    }

    @Override
    public List<GuardRequest> requestsOf(String guard) {
        return em.createQuery("SELECT r FROM GuardRequest r WHERE r.guard = :guard ORDER BY r.requested DESC", GuardRequest.class)
                .setParameter("guard", guard).setMaxResults(500).getResultList();
    }

    @Override
    public List<GuardRequest> approvedForUpdate(String guard, String vault, CriticalOperation operation, String requestedBy) {
        return em.createQuery("SELECT r FROM GuardRequest r WHERE r.guard = :guard AND r.vault = :vault "
                        + "AND r.operation = :operation AND r.requestedBy = :requestedBy AND r.status = :approved", GuardRequest.class)
                .setParameter("guard", guard).setParameter("vault", vault).setParameter("operation", operation)
                .setParameter("requestedBy", requestedBy).setParameter("approved", GuardRequest.Status.Approved)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public void removeRequestsOf(String guard) {
        em.createQuery("DELETE FROM GuardRequest r WHERE r.guard = :guard").setParameter("guard", guard).executeUpdate();
    }

    @Override
    public void add(GuardRequest request) {
        em.persist(request);
    }
}
