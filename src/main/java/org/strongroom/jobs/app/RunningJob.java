package org.strongroom.jobs.app;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobOperation;
import org.strongroom.jobs.domain.JobRunnerId;
import org.strongroom.platform.ResourcePath;

/**
 * The {@link JobExecution} a handler gets; progress is written at most once a second, and a write that finds the
 * job taken over by another runner stops the run ({@link JobTakenOver}).
 */
final class RunningJob implements JobExecution {

    private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Job job;
    private final JobRunnerId runner;
    private final JobTransitions transitions;
    private final List<String> warnings = new ArrayList<>();
    private long lastProgressWrite = System.nanoTime() - PROGRESS_INTERVAL_NANOS;

    RunningJob(Job job, JobRunnerId runner, JobTransitions transitions) {
        this.job = job;
        this.runner = runner;
        this.transitions = transitions;
    }

    @Override
    public UUID jobId() {
        return job.id();
    }

    @Override
    public JobOperation operation() {
        return job.operation();
    }

    @Override
    public ResourcePath subject() {
        return job.subject();
    }

    @Override
    public String requestedBy() {
        return job.requestedBy();
    }

    @Override
    public String parameters() {
        return job.parameters();
    }

    @Override
    public int attempt() {
        return job.attempts();
    }

    @Override
    public synchronized void progress(long bytesDone, long bytesTotal) {
        long now = System.nanoTime();
        if (now - lastProgressWrite >= PROGRESS_INTERVAL_NANOS) {
            lastProgressWrite = now;
            if (!transitions.progress(job.id(), runner, bytesDone, bytesTotal)) {
                throw new JobTakenOver(job.id());
            }
        }
    }

    @Override
    public synchronized void warn(String warning) {
        warnings.add(warning);
    }

    synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }
}
