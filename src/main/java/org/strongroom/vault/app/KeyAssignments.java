package org.strongroom.vault.app;

import java.util.List;

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
import org.strongroom.keyvault.KeyVaultClient;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.Timestamps;
import org.strongroom.platform.VaultName;
import org.strongroom.vault.domain.KeyAssignmentInput;
import org.strongroom.vault.domain.Vault;
import org.strongroom.vault.domain.VaultRepository;

/**
 * The request side of key assignments, as the user and the system ask for them; the job that carries
 * them out is {@link KeyAssignmentJob}, its transactions {@link KeyAssignmentSteps}.
 *
 * <p>One key update per vault at a time, whatever starts it — REST, a JMS request, automatic rotation:
 * all go through {@link #request}, which locks the vault row and refuses with 409 {@code Conflict} while
 * the vault has a pending update. The pending update is recorded in the transaction that submits its job
 * and removed in the transaction that ends it ({@link #onJobEnded}), so at no moment do two key-update
 * jobs of a vault run.
 */
@ApplicationScoped
public class KeyAssignments {

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
    public Job request(Caller caller, VaultName vaultName, KeyAssignmentInput input) {
        String keyUri = input.keyUri();
        return activity.record(caller, "RequestKeyUpdate", VaultService.resource(vaultName).child("encryption"), () -> {
            keyVault.requireKnownKeyUri(keyUri);
            Vault vault = vaultService.locked(vaultName);
            boolean first = vault.checkKeyUpdateAllowed(input.infrastructureEncryption());
            Job job = jobs.submit(first ? KeyUpdateOperations.CONFIGURE_ENCRYPTION : KeyUpdateOperations.UPDATE_ENCRYPTION_KEY,
                    ResourcePath.vault(vaultName), caller.name());
            vault.keyUpdateRequested(job.id(), keyUri, input.keyVaultSubscriptionId(), input.infrastructureEncryption(),
                    Timestamps.now());
            return job;
        }, job -> job.operation() + " job " + job.id() + " for " + keyUri);
    }

    /** A request to go back to platform-managed keys: refused once a customer-managed key is in use (SPEC 2). */
    @Transactional
    public Vault revertToPlatformManaged(Caller caller, VaultName vaultName) {
        return activity.record(caller, "RevertToPlatformManagedKeys", VaultService.resource(vaultName).child("encryption"),
                () -> {
                    Vault vault = vaultService.get(vaultName);
                    vault.requirePlatformManagedRevertAllowed();
                    return vault;
                }, vault -> "already platform-managed");
    }

    /** The vaults that follow {@code versionlessKeyUri} (auto-rotation). */
    @Transactional
    public List<VaultName> followers(String versionlessKeyUri) {
        return vaults.following(versionlessKeyUri).stream().map(Vault::name).toList();
    }

    /**
     * Ends the vault's key update in the transaction that ends its job — completed, failed or abandoned —
     * so that the vault is busy exactly as long as the job runs. A failed update leaves the previous key.
     */
    void onJobEnded(@Observes(during = TransactionPhase.IN_PROGRESS) JobEnded event) {
        if (!KeyUpdateOperations.ALL.contains(event.operation())) {
            return;
        }
        vaults.findForUpdate(event.subject().vaultName()).ifPresent(vault -> {
            if (vault.keyUpdateEnded(event.jobId(), event.completed(), Timestamps.now()) && !event.completed()) {
                Caller requester = event.requestedBy() == null ? Caller.SYSTEM : Caller.user(event.requestedBy(), false);
                activity.append(requester, event.operation().name(), VaultService.resource(vault.name()).child("encryption"),
                        ActivityStatus.Failed, "job " + event.jobId() + ": " + event.errorCode() + ": "
                                + event.errorMessage() + "; the previous key stays in force");
            }
        });
    }
}
