package org.strongroom.vault.app;

import java.util.Set;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobEnded;
import org.strongroom.jobs.domain.JobOperation;
import org.strongroom.jobs.domain.JobStatus;
import org.strongroom.keyvault.KeyVersionAvailable;
import org.strongroom.platform.Caller;
import org.strongroom.platform.StrongroomException;

/**
 * Follows keys (SPEC 10): when a key gets a new usable version, every vault assigned its versionless
 * URI gets an {@code UpdateEncryptionKey} job, requested by {@code system}; pinned vaults do not. Also
 * ends the key update of a job that was abandoned (dead-lettered), so the vault leaves {@code InProgress}.
 */
@ApplicationScoped
public class AutoRotation {

    private static final Logger LOG = Logger.getLogger(AutoRotation.class.getName());
    private static final Set<JobOperation> KEY_UPDATES = Set.of(JobOperation.ConfigureEncryption, JobOperation.UpdateEncryptionKey);

    @Inject
    KeyAssignments assignments;

    /** Observers of committed changes run while the transaction completes, where no new one can start: hand over. */
    @Resource
    ManagedExecutorService executor;

    void onNewKeyVersion(@Observes(during = TransactionPhase.AFTER_SUCCESS) KeyVersionAvailable event) {
        executor.execute(() -> rotateFollowers(event.versionlessKeyUri()));
    }

    void onJobEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobEnded event) {
        if (KEY_UPDATES.contains(event.operation()) && event.status() == JobStatus.Failed) {
            executor.execute(() -> assignments.failed(Caller.SYSTEM, event.operation().name(), event.vault(),
                    event.jobId(), String.valueOf(event.errorCode())));
        }
    }

    /** Requests a rotation for every vault that follows {@code versionlessKeyUri}. */
    public void rotateFollowers(String versionlessKeyUri) {
        for (String vault : assignments.followers(versionlessKeyUri)) {
            try {
                Job job = assignments.request(Caller.SYSTEM, vault, versionlessKeyUri, null, null);
                LOG.info(() -> "Vault " + vault + " follows " + versionlessKeyUri + ": rotation job " + job.id());
            } catch (StrongroomException refused) {
                LOG.info(() -> "Vault " + vault + " follows " + versionlessKeyUri + " but cannot rotate now: "
                        + refused.getMessage() + " (it catches up when its running update ends)");
            }
        }
    }
}
