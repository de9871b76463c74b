package org.strongroom.protection.infra;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.strongroom.platform.ItemRef;
import org.strongroom.platform.VaultName;
import org.strongroom.protection.domain.RecoveryPoint;
import org.strongroom.protection.domain.RecoveryPointRepository;

@ApplicationScoped
public class JpaRecoveryPointRepository implements RecoveryPointRepository {

    @PersistenceContext(unitName = "strongroom")
    EntityManager em;

    @Override
    public void add(RecoveryPoint point) {
        em.persist(point);
    }

    @Override
    public Optional<RecoveryPoint> find(ItemRef item, UUID id) {
        return Optional.ofNullable(em.find(RecoveryPoint.class, id))
                .filter(point -> point.vault().equals(item.vault()) && point.item().equals(item.item()));
    }

    @Override
    public int count(ItemRef item) {
        return em.createQuery("SELECT COUNT(p) FROM RecoveryPoint p WHERE p.vault = :vault AND p.item = :item", Long.class)
                .setParameter("vault", item.vault().value())
                .setParameter("item", item.item())
                .getSingleResult().intValue();
    }

    @Override
    public List<RecoveryPoint> list(ItemRef item, Instant from, Instant to) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<RecoveryPoint> select = cb.createQuery(RecoveryPoint.class);
        Root<RecoveryPoint> point = select.from(RecoveryPoint.class);
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(point.get("vault"), item.vault().value()));
        where.add(cb.equal(point.get("item"), item.item()));
        if (from != null) {
            where.add(cb.greaterThanOrEqualTo(point.get("time"), from));
        }
        if (to != null) {
            where.add(cb.lessThanOrEqualTo(point.get("time"), to));
        }
        select.where(where.toArray(Predicate[]::new)).orderBy(cb.desc(point.get("time")));
        return em.createQuery(select).getResultList();
    }

    @Override
    public List<RecoveryPoint> inVault(VaultName vault) {
        return em.createQuery("SELECT p FROM RecoveryPoint p WHERE p.vault = :vault", RecoveryPoint.class)
                .setParameter("vault", vault.value())
                .getResultList();
    }

    @Override
    public void remove(RecoveryPoint point) {
        em.remove(em.contains(point) ? point : em.merge(point));
    }
}
