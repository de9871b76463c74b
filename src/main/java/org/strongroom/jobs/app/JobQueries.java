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

    /** Whether a job of {@code operation} runs (or waits) for the vault, and the item when given. */
    @Transactional
    public boolean anyInProgress(String vault, String item, JobOperation operation) {
        return jobs.anyInProgress(vault, item, operation);
    }

    public static StrongroomException noSuchJob(String id) {
        return StrongroomException.notFound("No job with id '" + id + "'", "jobs/" + id);
    }
}
