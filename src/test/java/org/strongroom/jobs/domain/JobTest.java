package org.strongroom.jobs.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.VaultName;

/**
 * A job's life: claimed by one runner at a time, progress below 100 until the end, ended once, abandoned with
 * its cause, texts clipped, queries bounded.
 */
class JobTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final JobRunnerId NODE_A = new JobRunnerId("node-a", "boot-1");
    private static final JobRunnerId NODE_A_AFTER_RESTART = new JobRunnerId("node-a", "boot-2");
    private static final JobRunnerId NODE_B = new JobRunnerId("node-b", "boot-1");
    /** The lease a runner holds a job for without a sign of life (STRONGROOM_JOB_LEASE_SECONDS' default). */
    private static final Duration LEASE = Duration.ofSeconds(60);

    private static Job newJob() {
        return Job.submit(JobOperation.of("Backup"), ResourcePath.item(ItemRef.of(VaultName.of("v1"), "files1")), "admin", T0);
    }

    @Test
    void submit_startsInProgressUnclaimed() {
        Job job = newJob();
        assertEquals(JobStatus.InProgress, job.status());
        assertEquals(0, job.attempts());
        assertTrue(job.runner().isEmpty());
        assertTrue(job.endTime().isEmpty());
    }

    @Test
    void claim_ofUnclaimedJob_succeedsAndCountsAttempt() {
        Job job = newJob();
        assertTrue(job.claim(NODE_A, T0, LEASE));
        assertEquals(1, job.attempts());
        assertEquals(NODE_A, job.runner().orElseThrow());
    }

    @Test
    void claim_ofFinishedJob_isRefused() {
        Job job = newJob();
        job.claim(NODE_A, T0, LEASE);
        job.complete(T0.plusSeconds(1));
        assertFalse(job.claim(NODE_A, T0.plusSeconds(2), LEASE));
        assertFalse(job.claim(NODE_B, T0.plusSeconds(3600), LEASE));
        assertEquals(1, job.attempts());
    }

    @Test
    void claim_heldByEarlierBootOfSameNode_isTakenOver() {
        Job job = newJob();
        job.claim(NODE_A, T0, LEASE);
        assertTrue(job.claim(NODE_A_AFTER_RESTART, T0.plusSeconds(5), LEASE));
        assertEquals(2, job.attempts());
    }

    @Test
    void claim_heldByLiveRunnerOnOtherNode_isRefused() {
        Job job = newJob();
        job.claim(NODE_A, T0, LEASE);
        assertFalse(job.claim(NODE_B, T0.plus(LEASE).minusSeconds(1), LEASE));
        assertEquals(NODE_A, job.runner().orElseThrow());
    }

    @Test
    void requeueAfterRestart_takesUnclaimedOwnAndAbandonedJobs_notLiveOnesOfOtherNodesNorFinishedOnes() {
        Job unclaimed = newJob();
        assertTrue(unclaimed.claimableBy("node-a", T0, LEASE));
        Job ownBeforeRestart = newJob();
        ownBeforeRestart.claim(NODE_A, T0, LEASE);
        assertTrue(ownBeforeRestart.claimableBy(NODE_A_AFTER_RESTART.node(), T0.plusSeconds(1), LEASE));
        Job liveElsewhere = newJob();
        liveElsewhere.claim(NODE_B, T0, LEASE);
        assertFalse(liveElsewhere.claimableBy("node-a", T0.plus(LEASE).minusSeconds(1), LEASE));
        assertTrue(liveElsewhere.claimableBy("node-a", T0.plus(LEASE).plusSeconds(1), LEASE));
        Job finished = newJob();
        finished.claim(NODE_A, T0, LEASE);
        finished.complete(T0.plusSeconds(1));
        assertFalse(finished.claimableBy("node-a", T0.plusSeconds(2), LEASE));
    }

    @Test
    void claim_heldByRunnerOnOtherNodeSilentBeyondLease_isTakenOver() {
        Job job = newJob();
        job.claim(NODE_A, T0, LEASE);
        assertTrue(job.claim(NODE_B, T0.plus(LEASE).plusSeconds(1), LEASE));
        assertEquals(NODE_B, job.runner().orElseThrow());
    }

    @Test
    void heldBy_isOnlyTheRunnerThatClaimedLast() {
        Job job = newJob();
        assertFalse(job.heldBy(NODE_A), "an unclaimed job is held by no runner");
        job.claim(NODE_A, T0, LEASE);
        assertTrue(job.heldBy(NODE_A));
        job.claim(NODE_B, T0.plus(LEASE).plusSeconds(1), LEASE);
        assertFalse(job.heldBy(NODE_A), "a runner whose job was taken over holds it no more");
        assertTrue(job.heldBy(NODE_B));
        assertFalse(job.heldBy(new JobRunnerId(NODE_B.node(), "another-boot")), "nor does another boot of the same node");
    }

    @Test
    void abandonedElsewhere_isAJobOfAnotherNodeSilentBeyondItsLease_orOneNeverClaimedForALease() {
        Duration lease = Duration.ofSeconds(20);
        Job held = newJob();
        held.claim(NODE_B, T0, lease);
        assertFalse(held.abandonedElsewhere("node-a", T0.plusSeconds(19), lease), "node B's lease still runs");
        assertTrue(held.abandonedElsewhere("node-a", T0.plusSeconds(21), lease), "node B stopped answering");
        assertFalse(held.abandonedElsewhere("node-b", T0.plusSeconds(3600), lease), "a node never takes its own job over");
        held.progress(1, 10, T0.plusSeconds(15));
        assertFalse(held.abandonedElsewhere("node-a", T0.plusSeconds(30), lease), "progress renews the lease");
        assertTrue(held.claim(NODE_A, T0.plusSeconds(36), lease), "once the lease ran out, node A takes the job");

        Job unclaimed = newJob();
        assertFalse(unclaimed.abandonedElsewhere("node-a", T0.plusSeconds(19), lease), "a fresh job waits for its message");
        assertTrue(unclaimed.abandonedElsewhere("node-a", T0.plusSeconds(21), lease), "its message may have died with a node");

        Job finished = newJob();
        finished.claim(NODE_B, T0, lease);
        finished.complete(T0.plusSeconds(1));
        assertFalse(finished.abandonedElsewhere("node-a", T0.plusSeconds(3600), lease));
    }

    @Test
    void progress_keepsRunnerAlive() {
        Job job = newJob();
        job.claim(NODE_A, T0, LEASE);
        job.progress(10, 100, T0.plus(LEASE));
        assertFalse(job.claim(NODE_B, T0.plus(LEASE).plusSeconds(30), LEASE));
    }

    @Test
    void progress_computesPercentAndNeverClaims100BeforeTheEnd() {
        Job job = newJob();
        job.claim(NODE_A, T0, LEASE);
        job.progress(25, 100, T0);
        assertEquals(25, job.percent());
        job.progress(100, 100, T0);
        assertEquals(99, job.percent());
        job.complete(T0.plusSeconds(1));
        assertEquals(100, job.percent());
        assertEquals(100, job.bytesDone());
    }

    @Test
    void progress_negative_isRefused() {
        Job job = newJob();
        assertThrows(IllegalArgumentException.class, () -> job.progress(-1, 10, T0));
    }

    @Test
    void fail_recordsCodeMessageAndEndTime() {
        Job job = newJob();
        job.claim(NODE_A, T0, LEASE);
        job.fail(ErrorCode.BadRequest, "no", T0.plusSeconds(3));
        assertEquals(JobStatus.Failed, job.status());
        assertEquals(ErrorCode.BadRequest, job.errorCode().orElseThrow());
        assertEquals("no", job.errorMessage().orElseThrow());
        assertEquals(Duration.ofSeconds(3), job.duration(T0.plusSeconds(100)));
    }

    @Test
    void finishedJob_cannotEndAgain() {
        Job job = newJob();
        job.complete(T0);
        assertThrows(IllegalStateException.class, () -> job.fail(ErrorCode.InternalError, "late", T0));
        assertThrows(IllegalStateException.class, () -> job.complete(T0));
        assertEquals(JobStatus.Completed, job.status());
    }

    @Test
    void abandon_failsWithJobAbandonedNamingAttemptsAndLastFailure() {
        Job job = newJob();
        job.claim(NODE_A, T0, LEASE);
        job.recordFailedAttempt("IllegalStateException: disk on fire", T0);
        job.claim(NODE_A, T0.plusSeconds(1), LEASE);
        job.abandon(T0.plusSeconds(2));
        assertEquals(JobStatus.Failed, job.status());
        assertEquals(ErrorCode.InternalErrorJobAbandoned, job.errorCode().orElseThrow());
        String message = job.errorMessage().orElseThrow();
        assertTrue(message.contains("2 failed attempt"), message);
        assertTrue(message.contains("disk on fire"), message);
    }

    @Test
    void abandon_ofFinishedJob_changesNothing() {
        Job job = newJob();
        job.complete(T0);
        job.abandon(T0.plusSeconds(1));
        assertEquals(JobStatus.Completed, job.status());
        assertTrue(job.errorCode().isEmpty());
    }

    @Test
    void longMessages_areClipped() {
        Job job = newJob();
        job.fail(ErrorCode.InternalError, "x".repeat(5000), T0);
        assertEquals(Job.MAX_TEXT, job.errorMessage().orElseThrow().length());
    }

    @Test
    void runnerId_roundTripsThroughText() {
        assertEquals(NODE_A, JobRunnerId.parse(NODE_A.toString()));
        assertThrows(IllegalArgumentException.class, () -> new JobRunnerId("a/b", "c"));
    }

    @Test
    void progress_ofAnEndedJob_isRefused_andPercentStaysBelow100UntilTheEnd() {
        Job job = newJob();
        job.claim(NODE_A, T0, LEASE);
        job.progress(0, 0, T0);
        assertEquals(0, job.percent());
        job.progress(1000, 1000, T0);
        assertEquals(99, job.percent(), "100 only once the job completes");
        job.progress(10, 0, T0);
        assertEquals(10, job.bytesTotal(), "the total is at least what is done");
        assertThrows(IllegalArgumentException.class, () -> job.progress(-1, 10, T0));
        assertThrows(IllegalArgumentException.class, () -> job.progress(1, -1, T0));
        job.completeWithWarnings("skipped a.txt", T0.plusSeconds(3));
        assertEquals(JobStatus.CompletedWithWarnings, job.status());
        assertTrue(job.isFinished());
        assertEquals(100, job.percent());
        assertEquals(java.util.Optional.of(T0.plusSeconds(3)), job.endTime());
        assertEquals(java.util.Optional.of("skipped a.txt"), job.errorMessage());
        assertThrows(IllegalStateException.class, () -> job.progress(1, 2, T0));
        assertThrows(IllegalStateException.class, () -> job.recordFailedAttempt("late", T0));
    }

    @Test
    void textsOfExactlyTheLimit_areKept_longerOnesClipped() {
        Job exact = newJob();
        exact.fail(org.strongroom.platform.ErrorCode.InternalError, "m".repeat(Job.MAX_TEXT), T0);
        assertEquals(Job.MAX_TEXT, exact.errorMessage().orElseThrow().length());
        assertTrue(exact.errorMessage().orElseThrow().endsWith("m"));
        Job over = newJob();
        over.fail(org.strongroom.platform.ErrorCode.InternalError, "m".repeat(Job.MAX_TEXT + 1), T0);
        assertEquals(Job.MAX_TEXT, over.errorMessage().orElseThrow().length());
        assertTrue(over.errorMessage().orElseThrow().endsWith("…"));
        assertThrows(IllegalArgumentException.class, () -> Job.submit(JobOperation.of("Restore"), ResourcePath.item(ItemRef.of(VaultName.of("v1"), "i")), "u", "p".repeat(Job.MAX_PARAMETERS + 1), T0));
        Job withParameters = Job.submit(JobOperation.of("Restore"), ResourcePath.item(ItemRef.of(VaultName.of("v1"), "i")), "u", "p".repeat(Job.MAX_PARAMETERS), T0);
        assertEquals(Job.MAX_PARAMETERS, withParameters.parameters().length());
        assertEquals(java.util.List.of(JobOperation.of("Restore"), ResourcePath.item(ItemRef.of(VaultName.of("v1"), "i")), "u", T0),
                java.util.List.of(withParameters.operation(), withParameters.subject(), withParameters.requestedBy(),
                        withParameters.startTime()));
    }

    @Test
    void endedEvent_carriesTheJobsEnding_andOnlyForAnEndedJob() {
        Job job = newJob();
        assertThrows(IllegalArgumentException.class, () -> JobEnded.from(job));
        job.claim(NODE_A, T0, LEASE);
        job.recordFailedAttempt("boom", T0);
        assertEquals(java.util.Optional.of("boom"), job.lastFailure());
        job.complete(T0.plusSeconds(5));
        JobEnded ended = JobEnded.from(job);
        assertEquals(job.id(), ended.jobId());
        assertEquals(java.time.Duration.ofSeconds(5), ended.duration());
        assertTrue(ended.completed());
        Job failed = newJob();
        failed.fail(org.strongroom.platform.ErrorCode.InternalError, "no", T0);
        assertFalse(JobEnded.from(failed).completed());
        Job warned = newJob();
        warned.completeWithWarnings("w", T0);
        assertTrue(JobEnded.from(warned).completed());
    }

    @Test
    void query_limitIsOneToAThousand_andFromNotAfterTo() {
        new JobQuery(null, null, null, null, null, 1);
        new JobQuery(null, null, null, T0, T0, JobQuery.MAX_LIMIT);
        assertThrows(IllegalArgumentException.class, () -> new JobQuery(null, null, null, null, null, 0));
        assertThrows(IllegalArgumentException.class, () -> new JobQuery(null, null, null, null, null, JobQuery.MAX_LIMIT + 1));
        assertThrows(IllegalArgumentException.class, () -> new JobQuery(null, null, null, T0.plusSeconds(1), T0, 10));
        new JobQuery(null, null, null, T0, null, 10);
        new JobQuery(null, null, null, null, T0, 10);
    }

    @Test
    void requestKeys_areEqualByQueueAndId_andRunnerIdsNeedASlash() {
        RequestKey key = new RequestKey("backupRequests", "r-1");
        assertEquals(key, new RequestKey("backupRequests", "r-1"));
        assertEquals(key.hashCode(), new RequestKey("backupRequests", "r-1").hashCode());
        assertFalse(key.equals(new RequestKey("backupRequests", "r-2")));
        assertFalse(key.equals(new RequestKey("keyUpdateRequests", "r-1")));
        assertFalse(key.equals("backupRequests/r-1"));
        assertEquals(new JobRunnerId("", "b"), JobRunnerId.parse("/b"), "a slash at the start still parses");
        assertThrows(IllegalArgumentException.class, () -> JobRunnerId.parse("no-slash"));
        java.util.UUID id = java.util.UUID.randomUUID();
        PendingReply reply = new PendingReply(id, "queue://replies", "c-1", T0);
        assertEquals(java.util.List.of(id, "queue://replies", "c-1"), java.util.List.of(reply.jobId(), reply.replyTo(), reply.correlationId()));
        assertEquals(id, new RequestedJob("backupRequests", "r-1", id, T0).jobId());
    }
}
