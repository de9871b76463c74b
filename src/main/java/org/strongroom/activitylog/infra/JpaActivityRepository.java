package org.strongroom.activitylog.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.strongroom.activitylog.domain.ActivityChainHead;
import org.strongroom.activitylog.domain.ActivityQuery;
import org.strongroom.activitylog.domain.ActivityRecord;
import org.strongroom.activitylog.domain.ActivityRepository;

@ApplicationScoped
public class JpaActivityRepository implements ActivityRepository {

    @PersistenceContext(unitName = "strongroom")
    EntityManager em;

    @Override
    public ActivityChainHead lockHead() {
        ActivityChainHead head = em.find(ActivityChainHead.class, ActivityChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("The activity chain head is missing (schema migration V002)");
        }
        return head;
    }

    @Override
    public ActivityChainHead head() {
        return em.find(ActivityChainHead.class, ActivityChainHead.ID);
    }

    @Override
    public Optional<String> hashAt(long sequence) {
        return Optional.ofNullable(em.find(ActivityRecord.class, sequence)).map(ActivityRecord::hash);
    }

    @Override
    public void add(ActivityRecord record) {
        em.persist(record);
    }

    @Override
    public List<ActivityRecord> search(ActivityQuery query) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<ActivityRecord> select = cb.createQuery(ActivityRecord.class);
        Root<ActivityRecord> record = select.from(ActivityRecord.class);
        List<Predicate> where = new ArrayList<>();
        if (query.resource() != null) {
            where.add(cb.or(cb.equal(record.get("resource"), query.resource()),
                    cb.like(record.get("resource"), escapeLike(query.resource()) + "/%", '\\')));
        }
        if (query.from() != null) {
            where.add(cb.greaterThanOrEqualTo(record.get("time"), query.from()));
        }
        if (query.to() != null) {
            where.add(cb.lessThanOrEqualTo(record.get("time"), query.to()));
        }
        select.where(where.toArray(Predicate[]::new)).orderBy(cb.desc(record.get("sequence")));
        return em.createQuery(select).setMaxResults(query.limit()).getResultList();
    }

    @Override
    public List<ActivityRecord> after(long after, int limit) {
        return em.createQuery("SELECT r FROM ActivityRecord r WHERE r.sequence > :after ORDER BY r.sequence",
                        ActivityRecord.class)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
