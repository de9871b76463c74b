package org.strongroom.jobs;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.strongroom.jobs.app.JobExecution;
import org.strongroom.jobs.app.JobHandler;
import org.strongroom.jobs.app.OperationOwner;
import org.strongroom.jobs.app.OperationRegistration;
import org.strongroom.jobs.domain.JobOperation;

/**
 * A test-only handler (deployed by {@link JobMachineryIT} in place of the real ones, registering the
 * operation it runs as a business component does): counts its runs
 * per job, reports progress, and throws for jobs whose item is {@link #ALWAYS_FAILS}.
 */
@ApplicationScoped
public class ProbeJobHandler implements JobHandler, OperationOwner {

    /** The operation the probe stands in for, on the queue that carries it in the product. */
    public static final JobOperation VERIFY = JobOperation.of("Verify");

    public static final String ALWAYS_FAILS = "always-fails";
    /** Runs until the test releases it ({@link #release}), so that further deliveries arrive while it runs. */
    public static final String SLOW = "slow";
    /** Like {@link #SLOW}, and reports progress again once released (a second later: progress is written once a second). */
    public static final String SLOW_REPORTING = "slow-reporting";
    /** Throws a checked exception unannounced, as a transaction interceptor does when a commit fails. */
    public static final String CHECKED_FAULT = "checked-fault";

    private final Map<UUID, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final Map<UUID, java.util.concurrent.CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Map<UUID, String> stoppedBy = new ConcurrentHashMap<>();

    @Override
    public Set<JobOperation> operations() {
        return Set.of(VERIFY);
    }

    @Override
    public List<OperationRegistration> registrations() {
        return List.of(OperationRegistration.queued(VERIFY, "restoreJobs"));
    }

    @Override
    public void run(JobExecution execution) {
        runs.computeIfAbsent(execution.jobId(), id -> new AtomicInteger()).incrementAndGet();
        execution.progress(512, 1024);
        String item = execution.subject().itemRef().item();
        if (SLOW.equals(item) || SLOW_REPORTING.equals(item)) {
            try {
                if (!gate(execution.jobId()).await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released slow job " + execution.jobId());
                }
                if (SLOW_REPORTING.equals(item)) {
                    Thread.sleep(1100);
                    reportAgain(execution);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ALWAYS_FAILS.equals(execution.subject().itemRef().item())) {
            throw new IllegalStateException("simulated fault in attempt " + execution.attempt());
        }
        if (CHECKED_FAULT.equals(execution.subject().itemRef().item())) {
            ProbeJobHandler.<RuntimeException>sneaky(new java.io.IOException("simulated checked fault"));
        }
    }

    private void reportAgain(JobExecution execution) {
        try {
            execution.progress(1000, 1024);
        } catch (RuntimeException stop) {
            stoppedBy.put(execution.jobId(), stop.getClass().getSimpleName());
            throw stop;
        }
    }

    /** What a progress report of the run of {@code jobId} threw, if it threw. */
    public java.util.Optional<String> stoppedBy(UUID jobId) {
        return java.util.Optional.ofNullable(stoppedBy.get(jobId));
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneaky(Throwable checked) throws E {
        throw (E) checked;
    }

    /** Lets the {@link #SLOW} job {@code jobId} end. */
    public void release(UUID jobId) {
        gate(jobId).countDown();
    }

    private java.util.concurrent.CountDownLatch gate(UUID jobId) {
        return gates.computeIfAbsent(jobId, id -> new java.util.concurrent.CountDownLatch(1));
    }

    public int runs(UUID jobId) {
        AtomicInteger count = runs.get(jobId);
        return count == null ? 0 : count.get();
    }
}
