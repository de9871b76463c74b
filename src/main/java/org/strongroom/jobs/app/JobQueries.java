package org.strongroom.jobs.app;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobOperation;
import org.strongroom.jobs.domain.JobQuery;
import org.strongroom.jobs.domain.JobRepository;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.StrongroomException;

/** Reads jobs for the API and the backup-jobs view. */
@ApplicationScoped
public class JobQueries {

    @Inject
    JobRepository jobs;

    @Transactional
    public Job get(UUID id) {
        return jobs.find(id).orElseThrow(() -> noSuchJob(id.toString()));
    }

    @Transactional
    public List<Job> search(JobQuery query) {
        return jobs.search(query);
    }

    /** Whether a job of {@code operation} runs (or waits) on {@code subject} or on a resource within it. */
    @Transactional
    public boolean anyInProgress(ResourcePath subject, JobOperation operation) {
        return jobs.anyInProgress(subject, operation);
    }

    /** Whether any job runs (or waits) on {@code subject} or on a resource within it. */
    @Transactional
    public boolean anyInProgress(ResourcePath subject) {
        return jobs.anyInProgress(subject);
    }

    public static StrongroomException noSuchJob(String id) {
        return StrongroomException.notFound("No job with id '" + id + "'", "jobs/" + id);
    }
}
