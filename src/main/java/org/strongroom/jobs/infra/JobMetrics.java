package org.strongroom.jobs.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

import org.strongroom.jobs.domain.JobEnded;
import org.strongroom.platform.Meters;

/**
 * Jobs as Prometheus sees them (docs/operations.md, "Metrics"): {@code strongroom_jobs_ended_total} by
 * operation, status and error code, and {@code strongroom_job_seconds_total}, the time jobs took from
 * submission to their end, by operation and status (its rate over the rate of ended jobs is the mean
 * duration). Counters, not a Timer: WildFly's managed registry does not take Micrometer's Timer
 * configuration (WFLYMMTREXT0015) and drops the timer.
 */
@ApplicationScoped
public class JobMetrics {

    @Inject
    MeterRegistry registry;

    void onJobEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobEnded event) {
        String operation = event.operation().name();
        String status = event.status().name();
        Meters.counter(registry, "strongroom.jobs.ended", "Jobs that ended, by operation, final status and error code "
                + "(none when it did not fail)", null, "operation", operation, "status", status,
                "error", event.errorCode() == null ? "none" : event.errorCode().name()).increment();
        Meters.counter(registry, "strongroom.job.seconds", "Seconds that ended jobs took from submission to their end; "
                + "divide its rate by the rate of strongroom_jobs_ended_total for the mean duration", null,
                "operation", operation, "status", status).increment(event.duration().toNanos() / 1e9);
    }
}
