package org.strongroom.jobs.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.ResourcePath;

/**
 * One unit of asynchronous work, as the backup-jobs view shows it.
 *
 * <p>Lifecycle: a job is submitted {@code InProgress}; a runner {@linkplain #claim claims} it when its
 * message arrives, reports {@linkplain #progress progress}, and ends it {@code Completed},
 * {@code CompletedWithWarnings} or {@code Failed} with an error code. A finished job never changes again,
 * which is what makes a redelivered message harmless. A run that breaks unexpectedly is
 * {@linkplain #recordFailedAttempt recorded} and retried by redelivery; when the deliveries are exhausted
 * the job is {@linkplain #abandon abandoned}.
 *
 * <p>Longer than 300 lines on purpose: the job entity with its whole state machine (claim, lease, progress,
 * end, abandon) and the fields the jobs view shows.
 */
@Entity
@Table(name = "job")
public class Job {

    /** The most characters of parameters a job carries (the column's size). */
    public static final int MAX_PARAMETERS = 4000;

    static final int MAX_TEXT = 2000;

    @Id
    private UUID id;

    @Column(nullable = false, length = 32)
    private String operation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private JobStatus status;

    /** What the job works on, as the resource path the activity log also uses ({@code vaults/v1/items/files1}). */
    @Column(length = 400)
    private String subject;

    @Column(name = "requested_by", length = 100)
    private String requestedBy;

    /** What the job works on beyond its subject, as JSON the owning component reads (e.g. a recovery point id). */
    @Column(length = 4000)
    private String parameters;

    @Column(name = "start_time", nullable = false)
    private Instant startTime;

    @Column(name = "end_time")
    private Instant endTime;

    @Column(name = "progress_percent", nullable = false)
    private int percent;

    @Column(name = "bytes_done", nullable = false)
    private long bytesDone;

    @Column(name = "bytes_total", nullable = false)
    private long bytesTotal;

    @Enumerated(EnumType.STRING)
    @Column(name = "error_code", length = 64)
    private ErrorCode errorCode;

    @Column(name = "error_message", length = MAX_TEXT)
    private String errorMessage;

    @Column(length = 200)
    private String runner;

    private Instant heartbeat;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_failure", length = MAX_TEXT)
    private String lastFailure;

    @Version
    private long version;

    protected Job() {
        // for JPA
    }

    private Job(UUID id, JobOperation operation, ResourcePath subject, String requestedBy, String parameters, Instant now) {
        if (parameters != null && parameters.length() > MAX_PARAMETERS) {
            throw new IllegalArgumentException("Job parameters exceed " + MAX_PARAMETERS + " characters");
        }
        this.id = id;
        this.operation = operation.name();
        this.subject = subject.toString();
        this.requestedBy = requestedBy;
        this.parameters = parameters;
        this.status = JobStatus.InProgress;
        this.startTime = Objects.requireNonNull(now);
    }

    /** A new job, {@code InProgress} from now on, not yet claimed by any runner. */
    public static Job submit(JobOperation operation, ResourcePath subject, String requestedBy, Instant now) {
        return submit(operation, subject, requestedBy, null, now);
    }

    /** A new job with parameters for its handler. */
    public static Job submit(JobOperation operation, ResourcePath subject, String requestedBy, String parameters,
                             Instant now) {
        return new Job(UUID.randomUUID(), operation, subject, requestedBy, parameters, now);
    }

    /**
     * Takes the job for {@code me}, unless it must not run: it is finished, or a live runner on another
     * node holds it (its lease, renewed by its heartbeat, has not run out). A job held by this node (this boot
     * or an earlier, crashed one) is taken again; the caller guarantees that this boot is not running it at
     * the moment.
     *
     * @return whether {@code me} now runs the job
     */
    public boolean claim(JobRunnerId me, Instant now, Duration lease) {
        if (!claimableBy(me.node(), now, lease)) {
            return false;
        }
        runner = me.toString();
        heartbeat = now;
        attempts++;
        percent = 0;
        bytesDone = 0;
        return true;
    }

    /** Whether a runner of {@code node} may take the job now: it is unfinished, and no live runner of another node holds it. */
    public boolean claimableBy(String node, Instant now, Duration lease) {
        if (status.isFinished()) {
            return false;
        }
        if (runner == null) {
            return true;
        }
        return JobRunnerId.parse(runner).node().equals(node) || leaseExpired(now, lease);
    }

    /**
     * Whether a runner of {@code node} should take over the job: it is unfinished and held by a runner of
     * another node whose lease ran out (that node died), or it was never claimed although it was submitted
     * longer than a lease ago (its message died with a node).
     */
    public boolean abandonedElsewhere(String node, Instant now, Duration lease) {
        if (status.isFinished()) {
            return false;
        }
        if (runner == null) {
            return startTime.plus(lease).isBefore(now);
        }
        return !JobRunnerId.parse(runner).node().equals(node) && leaseExpired(now, lease);
    }

    /**
     * Whether {@code candidate} holds the job: it claimed it last. A runner whose lease ran out while it was alive
     * (e.g. a database outage longer than the lease) may find the job taken over; it then reports nothing more on it.
     */
    public boolean heldBy(JobRunnerId candidate) {
        return candidate.toString().equals(runner);
    }

    private boolean leaseExpired(Instant now, Duration lease) {
        return heartbeat == null || heartbeat.plus(lease).isBefore(now);
    }

    /** Records how far the work is; {@code bytesTotal} may be 0 while unknown. */
    public void progress(long bytesDone, long bytesTotal, Instant now) {
        requireRunning();
        if (bytesDone < 0 || bytesTotal < 0) {
            throw new IllegalArgumentException("progress must not be negative");
        }
        this.bytesDone = bytesDone;
        this.bytesTotal = Math.max(bytesTotal, bytesDone);
        this.percent = this.bytesTotal == 0 ? 0 : (int) Math.min(99, this.bytesDone * 100 / this.bytesTotal);
        this.heartbeat = now;
    }

    public void complete(Instant now) {
        end(JobStatus.Completed, null, null, now);
        percent = 100;
        bytesDone = bytesTotal;
    }

    public void completeWithWarnings(String warning, Instant now) {
        end(JobStatus.CompletedWithWarnings, null, clip(warning), now);
        percent = 100;
        bytesDone = bytesTotal;
    }

    public void fail(ErrorCode code, String message, Instant now) {
        end(JobStatus.Failed, Objects.requireNonNull(code), clip(message), now);
    }

    /** Notes a run that broke unexpectedly; its message will be delivered again. */
    public void recordFailedAttempt(String failure, Instant now) {
        requireRunning();
        lastFailure = clip(failure);
        heartbeat = now;
    }

    /** Ends a job whose message exhausted its deliveries. A job that already ended is left as it is. */
    public void abandon(Instant now) {
        if (status.isFinished()) {
            return;
        }
        String cause = lastFailure == null ? "no failure was recorded" : "last failure: " + lastFailure;
        fail(ErrorCode.InternalErrorJobAbandoned,
                "The job was abandoned after " + attempts + " failed attempt(s); " + cause, now);
    }

    private void end(JobStatus status, ErrorCode code, String message, Instant now) {
        requireRunning();
        this.status = status;
        this.errorCode = code;
        this.errorMessage = message;
        this.endTime = now;
        this.heartbeat = now;
    }

    private void requireRunning() {
        if (status.isFinished()) {
            throw new IllegalStateException("Job " + id + " already ended " + status);
        }
    }

    private static String clip(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        return text.substring(0, MAX_TEXT - 1) + "…";
    }

    /** How long the job ran, or has been running until {@code now}. */
    public Duration duration(Instant now) {
        return Duration.between(startTime, endTime != null ? endTime : now);
    }

    public UUID id() {
        return id;
    }

    public JobOperation operation() {
        return JobOperation.of(operation);
    }

    public JobStatus status() {
        return status;
    }

    public boolean isFinished() {
        return status.isFinished();
    }

    public ResourcePath subject() {
        return new ResourcePath(subject);
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String parameters() {
        return parameters;
    }

    public Instant startTime() {
        return startTime;
    }

    public Optional<Instant> endTime() {
        return Optional.ofNullable(endTime);
    }

    public int percent() {
        return percent;
    }

    public long bytesDone() {
        return bytesDone;
    }

    public long bytesTotal() {
        return bytesTotal;
    }

    public Optional<ErrorCode> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** The error message of a failed job, or the warning of one completed with warnings. */
    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }

    public int attempts() {
        return attempts;
    }

    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    public Optional<JobRunnerId> runner() {
        return Optional.ofNullable(runner).map(JobRunnerId::parse);
    }
}
