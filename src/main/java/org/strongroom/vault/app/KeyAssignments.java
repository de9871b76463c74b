package org.strongroom.vault.app;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.activitylog.app.ActivityLog;
import org.strongroom.activitylog.domain.ActivityStatus;
import org.strongroom.jobs.app.JobSubmission;
import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobEnded;
import org.strongroom.jobs.domain.JobOperation;
import org.strongroom.keyvault.KeyVaultClient;
import org.strongroom.platform.Caller;
import org.strongroom.platform.Timestamps;
import org.strongroom.vault.domain.KeyAssignmentInput;
import org.strongroom.vault.domain.Vault;
import org.strongroom.vault.domain.VaultRepository;

/**
 * Key assignments as the user and the system ask for them, and the transactional steps of the job that
 * carries them out ({@link KeyAssignmentJob}).
 *
 * <p>One key update per vault at a time, whatever starts it — REST, a JMS request, automatic rotation:
 * all go through {@link #request}, which locks the vault row and refuses with 409 {@code Conflict} while
 * the vault has a pending update. The pending update is recorded in the transaction that submits its job
 * and removed in the transaction that ends it ({@link #onJobEnded}), so at no moment do two key-update
 * jobs of a vault run.
 */
@ApplicationScoped
public class KeyAssignments {

    static final Set<JobOperation> KEY_UPDATES = EnumSet.of(JobOperation.ConfigureEncryption, JobOperation.UpdateEncryptionKey);

    @Inject
    VaultRepository vaults;

    @Inject
    VaultService vaultService;

    @Inject
    JobSubmission jobs;

    @Inject
    ActivityLog activity;

    @Inject
    KeyVaultClient keyVault;

    /**
     * Checks what needs no key vault call (a URI the key vault could hold, identity, items, one update at
     * a time, infrastructure encryption), then submits the {@code ConfigureEncryption} or {@code UpdateEncryptionKey} job.
     */
    @Transactional
    public Job request(Caller caller, String vaultName, KeyAssignmentInput input) {
        String keyUri = input.keyUri();
        return activity.record(caller, "RequestKeyUpdate", VaultService.resource(vaultName).child("encryption"), () -> {
            keyVault.requireOwnKeyUri(keyUri);
            Vault vault = vaultService.locked(vaultName);
            boolean first = vault.checkKeyUpdateAllowed(input.infrastructureEncryption());
            Job job = jobs.submit(first ? JobOperation.ConfigureEncryption : JobOperation.UpdateEncryptionKey,
                    vaultName, null, caller.name());
            vault.keyUpdateRequested(job.id(), keyUri, input.keyVaultSubscriptionId(), input.infrastructureEncryption(),
                    Timestamps.now());
            return job;
        }, job -> job.operation() + " job " + job.id() + " for " + keyUri);
    }

    /** A request to go back to platform-managed keys: refused once a customer-managed key is in use (SPEC 2). */
    @Transactional
    public Vault revertToPlatformManaged(Caller caller, String vaultName) {
        return activity.record(caller, "RevertToPlatformManagedKeys", VaultService.resource(vaultName).child("encryption"),
                () -> {
                    Vault vault = vaultService.get(vaultName);
                    vault.requirePlatformManagedRevertAllowed();
                    return vault;
                }, vault -> "already platform-managed");
    }

    /** The vaults that follow {@code versionlessKeyUri} (auto-rotation). */
    @Transactional
    public List<String> followers(String versionlessKeyUri) {
        return vaults.following(versionlessKeyUri).stream().map(Vault::name).toList();
    }

    /** The vault whose key update job {@code jobId} carries out; empty when that update is no longer pending. */
    @Transactional
    public Optional<Vault> pending(String vaultName, UUID jobId) {
        return vaults.find(vaultName)
                .filter(v -> v.pendingKeyUpdate().map(request -> request.jobId().equals(jobId)).orElse(false));
    }

    /** Puts the new key in force, in one transaction: the rewrapped data key and the settings. */
    @Transactional
    public void complete(Caller caller, String operation, String vaultName, UUID jobId, String assignedKeyUri,
                  String activeKeyId, boolean autoRotation, byte[] rewrappedDataKey) {
        Vault vault = vaultService.locked(vaultName);
        vault.completeKeyUpdate(jobId, assignedKeyUri, activeKeyId, autoRotation, rewrappedDataKey, Timestamps.now());
        activity.append(caller, operation, VaultService.resource(vaultName).child("encryption"), ActivityStatus.Succeeded,
                "job " + jobId + ": key " + activeKeyId + (autoRotation ? " (following " + assignedKeyUri + ")" : " (pinned)"));
    }

    /**
     * Ends the vault's key update in the transaction that ends its job — completed, failed or abandoned —
     * so that the vault is busy exactly as long as the job runs. A failed update leaves the previous key.
     */
    void onJobEnded(@Observes(during = TransactionPhase.IN_PROGRESS) JobEnded event) {
        if (!KEY_UPDATES.contains(event.operation())) {
            return;
        }
        vaults.findForUpdate(event.vault()).ifPresent(vault -> {
            if (vault.keyUpdateEnded(event.jobId(), event.completed(), Timestamps.now()) && !event.completed()) {
                Caller requester = event.requestedBy() == null ? Caller.SYSTEM : Caller.user(event.requestedBy(), false);
                activity.append(requester, event.operation().name(), VaultService.resource(vault.name()).child("encryption"),
                        ActivityStatus.Failed, "job " + event.jobId() + ": " + event.errorCode() + ": "
                                + event.errorMessage() + "; the previous key stays in force");
            }
        });
    }
}
