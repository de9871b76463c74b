package org.strongroom.jobs.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.strongroom.platform.ResourcePath;

/** Where jobs are kept. Callers run inside a transaction. */
public interface JobRepository {

    void add(Job job);

    Optional<Job> find(UUID id);

    /** Finds a job and locks it for the rest of the transaction, so two runners never claim it together. */
    Optional<Job> findForUpdate(UUID id);

    List<Job> search(JobQuery query);

    /** Every job still {@code InProgress}, oldest first. */
    List<Job> unfinished();

    /** Renews the lease of {@code runner} on those of {@code ids} it still holds and runs; answers how many. */
    int renewLeases(Collection<UUID> ids, JobRunnerId runner, Instant now);

    /** Whether a job of {@code operation} on {@code subject}, or on a resource within it, is {@code InProgress}. */
    boolean anyInProgress(ResourcePath subject, JobOperation operation);

    /** Whether any job runs (or waits) on {@code subject} or on a resource within it. */
    boolean anyInProgress(ResourcePath subject);
}
