package org.strongroom.jobs.infra;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.strongroom.jobs.domain.JobRequestRepository;
import org.strongroom.jobs.domain.PendingReply;
import org.strongroom.jobs.domain.RequestKey;
import org.strongroom.jobs.domain.RequestedJob;

@ApplicationScoped
public class JpaJobRequestRepository implements JobRequestRepository {

    @PersistenceContext(unitName = "strongroom")
    EntityManager em;

    @Override
    public Optional<RequestedJob> find(String queue, String requestId) {
        return Optional.ofNullable(em.find(RequestedJob.class, new RequestKey(queue, requestId)));
    }

    @Override
    public void add(RequestedJob request) {
        em.persist(request);
    }

    @Override
    public void add(PendingReply reply) {
        em.persist(reply);
    }

    @Override
    public List<PendingReply> takeReplies(UUID jobId) {
        List<PendingReply> replies = em.createQuery("SELECT r FROM PendingReply r WHERE r.jobId = :job", PendingReply.class)
                .setParameter("job", jobId)
                .getResultList();
        replies.forEach(em::remove);
        return replies;
    }
}
