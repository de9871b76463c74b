package org.strongroom.vault.app;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.activitylog.app.ActivityLog;
import org.strongroom.activitylog.domain.ActivityStatus;
import org.strongroom.platform.Caller;
import org.strongroom.platform.Timestamps;
import org.strongroom.platform.VaultName;
import org.strongroom.vault.domain.Vault;
import org.strongroom.vault.domain.VaultRepository;

/**
 * The two short transactions of {@link KeyAssignmentJob}: read the pending key update at the start, put
 * the new key in force at the end. Everything between — the key vault's answers, wrapping — runs outside
 * any transaction.
 */
@ApplicationScoped
public class KeyAssignmentSteps {

    @Inject
    VaultRepository vaults;

    @Inject
    VaultService vaultService;

    @Inject
    ActivityLog activity;

    /** The vault whose key update job {@code jobId} carries out; empty when that update is no longer pending. */
    @Transactional
    public Optional<Vault> pending(VaultName vaultName, UUID jobId) {
        return vaults.find(vaultName)
                .filter(v -> v.pendingKeyUpdate().map(request -> request.jobId().equals(jobId)).orElse(false));
    }

    /** Puts the new key in force, in one transaction: the rewrapped data key and the settings; the vault as it now is. */
    @Transactional
    public Vault complete(Caller caller, String operation, VaultName vaultName, UUID jobId, String assignedKeyUri,
                          String activeKeyId, boolean autoRotation, byte[] rewrappedDataKey, String checkedWith) {
        Vault vault = vaultService.locked(vaultName);
        vault.completeKeyUpdate(jobId, assignedKeyUri, activeKeyId, autoRotation, rewrappedDataKey, Timestamps.now());
        activity.append(caller, operation, VaultService.resource(vaultName).child("encryption"), ActivityStatus.Succeeded,
                "job " + jobId + ": key " + activeKeyId + (autoRotation ? " (following " + assignedKeyUri + ")" : " (pinned)")
                        + "; key vault checked with " + checkedWith);
        return vault;
    }
}
