package org.strongroom.jobs.infra;

import java.util.ArrayList;
import java.util.List;
import org.strongroom.jobs.domain.JobRunnerId;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobOperation;
import org.strongroom.jobs.domain.JobQuery;
import org.strongroom.jobs.domain.JobRepository;
import org.strongroom.jobs.domain.JobStatus;
import org.strongroom.platform.ResourcePath;

@ApplicationScoped
public class JpaJobRepository implements JobRepository {

    @PersistenceContext(unitName = "strongroom")
    EntityManager em;

    @Override
    public void add(Job job) {
        em.persist(job);
    }

    @Override
    public Optional<Job> find(UUID id) {
        return Optional.ofNullable(em.find(Job.class, id));
    }

    @Override
    public Optional<Job> findForUpdate(UUID id) {
        return Optional.ofNullable(em.find(Job.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public int renewLeases(Collection<UUID> ids, JobRunnerId runner, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("UPDATE Job j SET j.heartbeat = :now WHERE j.id IN :ids AND j.runner = :runner AND j.status = :running")
                .setParameter("now", now).setParameter("ids", ids).setParameter("runner", runner.toString())
                .setParameter("running", JobStatus.InProgress).executeUpdate();
    }

    @Override
    public boolean anyInProgress(ResourcePath subject, JobOperation operation) {
        return inProgress(subject, operation);
    }

    @Override
    public boolean anyInProgress(ResourcePath subject) {
        return inProgress(subject, null);
    }

    /** Whether a job ({@code operation}'s, or any when null) runs on {@code subject} or within it. */
    private boolean inProgress(ResourcePath subject, JobOperation operation) {
        String within = subject + "/";
        TypedQuery<UUID> query = em.createQuery("SELECT j.id FROM Job j WHERE j.status = :running"
                        + (operation == null ? "" : " AND j.operation = :operation")
                        + " AND (j.subject = :subject OR SUBSTRING(j.subject, 1, :length) = :within)", UUID.class)
                .setParameter("running", JobStatus.InProgress)
                .setParameter("subject", subject.toString())
                .setParameter("length", within.length())
                .setParameter("within", within);
        if (operation != null) {
            query.setParameter("operation", operation.name());
        }
        return !query.setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public List<Job> unfinished() {
        return em.createQuery("SELECT j FROM Job j WHERE j.status = :running ORDER BY j.startTime", Job.class)
                .setParameter("running", JobStatus.InProgress)
                .getResultList();
    }

    @Override
    public List<Job> search(JobQuery query) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Job> select = cb.createQuery(Job.class);
        Root<Job> job = select.from(Job.class);
        List<Predicate> where = new ArrayList<>();
        if (query.subject() != null) {
            String within = query.subject() + "/";
            Expression<String> subject = job.get("subject");
            where.add(cb.or(cb.equal(subject, query.subject().toString()),
                    cb.equal(cb.substring(subject, 1, within.length()), within)));
        }
        if (query.operation() != null) {
            where.add(cb.equal(job.get("operation"), query.operation().name()));
        }
        if (query.status() != null) {
            where.add(cb.equal(job.get("status"), query.status()));
        }
        if (query.from() != null) {
            where.add(cb.greaterThanOrEqualTo(job.get("startTime"), query.from()));
        }
        if (query.to() != null) {
            where.add(cb.lessThanOrEqualTo(job.get("startTime"), query.to()));
        }
        select.where(where.toArray(Predicate[]::new))
                .orderBy(cb.desc(job.get("startTime")), cb.desc(job.get("id")));
        return em.createQuery(select).setMaxResults(query.limit()).getResultList();
    }
}
