package org.strongroom.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.jobs.app.JobQueries;
import org.strongroom.jobs.app.JobRecovery;
import org.strongroom.jobs.app.JobQueue;
import org.strongroom.jobs.app.JobRunner;
import org.strongroom.jobs.app.JobSubmission;
import org.strongroom.jobs.app.JobTransitions;
import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobRepository;
import org.strongroom.jobs.domain.JobRunnerId;
import org.strongroom.jobs.domain.JobStatus;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.Settings;
import org.strongroom.platform.VaultName;
import org.strongroom.restore.infra.RestoreJobListener;
import org.strongroom.support.Api;
import org.strongroom.support.Await;
import org.strongroom.support.Figures;

/**
 * The job machinery on the real server: JMS queue, MDB, JPA, the dead-letter queue and its consumer.
 * Deploys the generic components only (and security, which records its changes in the activity log), with
 * {@link ProbeJobHandler} as the handler of {@code Verify}.
 */
@ExtendWith(ArquillianExtension.class)
class JobMachineryIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "job-machinery.war")
                .addPackages(true, Filters.exclude(".*(Test|IT)(\\$.*)?\\.class"),
                        "org.strongroom.jobs", "org.strongroom.platform", "org.strongroom.web",
                        "org.strongroom.security", "org.strongroom.activitylog", "org.strongroom.crypto")
                .addClasses(ProbeJobHandler.class, RestoreJobListener.class, Api.class, Api.Response.class, Await.class, Figures.class)
                .addAsResource("META-INF/persistence.xml")
                .addAsResource(new File("src/main/resources/META-INF/db"), "META-INF/db")
                .setWebXML(new File("src/main/webapp/WEB-INF/web.xml"))
                .addAsWebInfResource(new File("src/main/webapp/WEB-INF/beans.xml"))
                .addAsWebInfResource(new File("src/main/webapp/WEB-INF/jboss-web.xml"))
                .addAsWebInfResource(new File("src/main/webapp/WEB-INF/jboss-deployment-structure.xml"));
    }

    @Inject
    JobSubmission submission;

    @Inject
    JobQueries jobs;

    @Inject
    JobQueue queue;

    @Inject
    JobRunner runner;

    @Inject
    ProbeJobHandler probe;

    @ArquillianResource
    URL base;

    private static String newVault() {
        return "v-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Job awaitEnd(UUID id) {
        return Await.until(() -> jobs.get(id), Job::isFinished, "job " + id + " to end");
    }

    @Inject
    JobRecovery recovery;

    @Inject
    JobRepository repository;

    @Inject
    UserTransaction transaction;

    @Inject
    Settings settings;

    @Inject
    JobTransitions transitions;

    @Test
    void jobHeldByAServerThatStoppedAnswering_isTakenOverOnce_andEnds() throws Exception {
        Instant silentSince = Instant.now().minus(settings.jobLease()).minusSeconds(5);
        Job held = Job.submit(ProbeJobHandler.VERIFY, ResourcePath.item(ItemRef.of(VaultName.of(newVault()), "item-1")), "it", silentSince);
        held.claim(new JobRunnerId("a-node-that-died", "boot-1"), silentSince, settings.jobLease());
        transaction.begin();
        repository.add(held);
        transaction.commit();

        assertTrue(recovery.takeOverAbandoned() >= 1, "the job of the dead node is queued here");
        Job done = awaitEnd(held.id());
        assertEquals(JobStatus.Completed, done.status());
        assertEquals(runner.node(), done.runner().orElseThrow().node(), "this node ran it");
        assertEquals(2, done.attempts());
        recovery.takeOverAbandoned();
        assertEquals(1, probe.runs(held.id()), "an ended job is not taken over again");
    }

    @Test
    void jobTakenOverWhileItRuns_itsFormerRunnersOutcomeIsDropped() throws Exception {
        Job job = submission.submit(ProbeJobHandler.VERIFY, ResourcePath.item(ItemRef.of(VaultName.of(newVault()), ProbeJobHandler.SLOW)), "it");
        Await.until(() -> probe.runs(job.id()) == 1, "the job to start");
        JobRunnerId newRunner = takeOverAsAnotherNode(job.id());
        probe.release(job.id());
        Await.until(() -> !runner.runs(job.id()), "the former run to end");

        Job after = jobs.get(job.id());
        assertEquals(JobStatus.InProgress, after.status(), "the former runner's completion was dropped");
        assertEquals(newRunner, after.runner().orElseThrow(), "the job stays with the runner that took it over");
        transitions.complete(job.id(), newRunner, java.util.List.of());
        assertEquals(JobStatus.Completed, jobs.get(job.id()).status(), "the runner holding the job ends it");
    }

    @Test
    void jobTakenOverWhileItRuns_itsFormerRunnerStopsAtItsNextProgressReport() throws Exception {
        Job job = submission.submit(ProbeJobHandler.VERIFY,
                ResourcePath.item(ItemRef.of(VaultName.of(newVault()), ProbeJobHandler.SLOW_REPORTING)), "it");
        Await.until(() -> probe.runs(job.id()) == 1, "the job to start");
        JobRunnerId newRunner = takeOverAsAnotherNode(job.id());
        int progressBefore = jobs.get(job.id()).percent();
        probe.release(job.id());
        Await.until(() -> probe.stoppedBy(job.id()).isPresent(), "the former run's progress report to stop it");
        Await.until(() -> !runner.runs(job.id()), "the former run to end");

        assertEquals("JobTakenOver", probe.stoppedBy(job.id()).orElseThrow());
        Job after = jobs.get(job.id());
        assertEquals(JobStatus.InProgress, after.status());
        assertEquals(progressBefore, after.percent(), "the former runner's progress was not written");
        assertEquals(newRunner, after.runner().orElseThrow());
        assertTrue(after.lastFailure().isEmpty(), "a stopped run is no failed attempt: " + after.lastFailure());
        transitions.complete(job.id(), newRunner, java.util.List.of());
    }

    /** Another node claims the running job, as when this node's lease ran out while it was alive (a database outage). */
    private JobRunnerId takeOverAsAnotherNode(UUID jobId) throws Exception {
        JobRunnerId other = new JobRunnerId("a-node-that-took-over", UUID.randomUUID().toString());
        transaction.begin();
        Job held = repository.findForUpdate(jobId).orElseThrow();
        assertTrue(held.claim(other, Instant.now().plus(settings.jobLease()).plusSeconds(1), settings.jobLease()),
                "the other node may take the job once this node's lease ran out");
        transaction.commit();
        return other;
    }

    @Test
    void jobMessage_travelsJmsToMdb_andJobCompletesVisibleThroughApi() {
        String vault = newVault();
        Job job = submission.submit(ProbeJobHandler.VERIFY, ResourcePath.item(ItemRef.of(VaultName.of(vault), "item-1")), "it");

        Job done = awaitEnd(job.id());
        assertEquals(JobStatus.Completed, done.status());
        assertEquals(1, probe.runs(job.id()));
        assertEquals(1, done.attempts());

        Api.Response answer = Api.admin(base).get("/api/jobs/" + job.id());
        assertEquals(200, answer.status(), answer.toString());
        JsonObject json = answer.json();
        assertEquals(job.id().toString(), json.getString("id"));
        assertEquals("Verify", json.getString("operation"));
        assertEquals("Completed", json.getString("status"));
        assertEquals(vault, json.getString("vault"));
        assertEquals("item-1", json.getString("item"));
        assertEquals(100, json.getJsonObject("progress").getInt("percent"));
        assertTrue(json.containsKey("startTime") && json.containsKey("endTime") && json.containsKey("duration"));
        assertTrue(!json.containsKey("error"), json.toString());

        Api.Response listed = Api.admin(base).get("/api/jobs?vault=" + vault + "&status=Completed&operation=Verify");
        assertEquals(200, listed.status(), listed.toString());
        assertEquals(job.id().toString(), listed.json().getJsonArray("value").getJsonObject(0).getString("id"));
    }

    @Test
    void handlerThatAlwaysThrows_isDeadLettered_andJobFailsAbandoned() {
        Job job = submission.submit(ProbeJobHandler.VERIFY, ResourcePath.item(ItemRef.of(VaultName.of(newVault()), ProbeJobHandler.ALWAYS_FAILS)), "it");

        Job done = awaitEnd(job.id());
        assertEquals(JobStatus.Failed, done.status());
        assertEquals(ErrorCode.InternalErrorJobAbandoned, done.errorCode().orElseThrow());
        assertEquals(3, probe.runs(job.id()), "one run per delivery attempt (max-delivery-attempts=3)");
        String message = done.errorMessage().orElseThrow();
        assertTrue(message.contains("3 failed attempt") && message.contains("simulated fault"), message);
        Figures.record("poison", "a job whose handler always throws: " + probe.runs(job.id()) + " runs (max-delivery-attempts=3), "
                + "then Failed with InternalErrorJobAbandoned naming the cause (\"" + message + "\")");

        JsonObject error = Api.admin(base).get("/api/jobs/" + job.id()).json().getJsonObject("error");
        assertEquals("InternalErrorJobAbandoned", error.getString("code"));
    }

    @Test
    void handlerThatThrowsACheckedException_isRecordedAndDeadLettered() {
        Job job = submission.submit(ProbeJobHandler.VERIFY, ResourcePath.item(ItemRef.of(VaultName.of(newVault()), ProbeJobHandler.CHECKED_FAULT)), "it");
        Job done = awaitEnd(job.id());
        assertEquals(ErrorCode.InternalErrorJobAbandoned, done.errorCode().orElseThrow());
        assertTrue(done.errorMessage().orElseThrow().contains("simulated checked fault"), done.errorMessage().orElseThrow());
    }

    @Test
    void redeliveredMessage_forFinishedJob_doesNotRunItAgain() {
        Job job = submission.submit(ProbeJobHandler.VERIFY, ResourcePath.item(ItemRef.of(VaultName.of(newVault()), "item-1")), "it");
        Job done = awaitEnd(job.id());
        long skippedBefore = runner.skippedDeliveries();

        queue.enqueue(done);
        Await.until(() -> runner.skippedDeliveries() > skippedBefore, "the second delivery to be skipped");

        Job after = jobs.get(job.id());
        assertEquals(1, probe.runs(job.id()));
        assertEquals(JobStatus.Completed, after.status());
        assertEquals(1, after.attempts());
        assertEquals(done.endTime(), after.endTime());
    }

    @Test
    void duplicateDeliveries_whileTheJobRunsAndAfter_runItExactlyOnce() {
        Job job = submission.submit(ProbeJobHandler.VERIFY, ResourcePath.item(ItemRef.of(VaultName.of(newVault()), ProbeJobHandler.SLOW)), "it");
        Await.until(() -> probe.runs(job.id()) == 1, "the job to start");
        long skippedBefore = runner.skippedDeliveries();
        for (int i = 0; i < 5; i++) {
            queue.enqueue(job);
        }
        // The job holds one consumer; the queue's other consumer skips duplicates while it runs (those the
        // broker buffered for the busy consumer arrive once it is free, after the job).
        Await.until(() -> runner.skippedDeliveries() > skippedBefore, "a duplicate to be skipped while the job runs");
        assertEquals(JobStatus.InProgress, jobs.get(job.id()).status(), "the duplicate arrived while the job ran");
        probe.release(job.id());
        Job done = awaitEnd(job.id());
        Await.until(() -> runner.skippedDeliveries() >= skippedBefore + 5, "the five duplicates to be skipped");

        assertEquals(JobStatus.Completed, done.status());
        assertEquals(1, probe.runs(job.id()), "a duplicate delivery never runs a job twice");
        assertEquals(1, jobs.get(job.id()).attempts());
        Figures.record("duplicates", "5 duplicate deliveries of a running job's message: the job ran 1 time, "
                + (runner.skippedDeliveries() - skippedBefore) + " deliveries skipped, 1 attempt recorded");
    }
}
