package org.strongroom.vault.app;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobEnded;
import org.strongroom.keyvault.KeyVaultClient;
import org.strongroom.keyvault.KeyVersionAvailable;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.VaultName;
import org.strongroom.vault.domain.KeyAssignmentInput;
import org.strongroom.vault.domain.Vault;
import org.strongroom.vault.domain.VaultRepository;

/**
 * Follows keys (SPEC 10): when a key gets a new usable version, every vault assigned its versionless
 * URI gets an {@code UpdateEncryptionKey} job, requested by {@code system}; pinned vaults do not. The
 * request goes through {@link KeyAssignments#request} like a user's, so it waits its turn: a vault that
 * is updating its key refuses it, and once that update has ended, the vault catches up with the newest
 * version of the key it follows.
 */
@ApplicationScoped
public class AutoRotation {

    private static final Logger LOG = Logger.getLogger(AutoRotation.class.getName());

    /** Vaults whose rotation was refused because a key update ran: they catch up when it ends. */
    private final Set<VaultName> missed = ConcurrentHashMap.newKeySet();

    @Inject
    KeyAssignments assignments;

    @Inject
    VaultService vaults;

    @Inject
    KeyVaultClient keyVault;

    @Inject
    VaultRepository vaultRepository;

    /** Observers of committed changes run while the transaction completes, where no new one can start: hand over. */
    @Resource
    ManagedExecutorService executor;

    void onNewKeyVersion(@Observes(during = TransactionPhase.AFTER_SUCCESS) KeyVersionAvailable event) {
        executor.execute(() -> event.versionlessKeyUris().forEach(this::rotateFollowers));
    }

    /**
     * After a completed key update the vault may be behind a version that appeared meanwhile; after a failed
     * one only if a rotation was refused while it ran (checking after every failure could loop on a key the
     * vault cannot use).
     */
    void onJobEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobEnded event) {
        if (KeyUpdateOperations.ALL.contains(event.operation()) && (event.completed() || missed.contains(event.subject().vaultName()))) {
            executor.execute(() -> catchUp(event.subject().vaultName()));
        }
    }

    /** Requests a rotation for every vault that follows {@code versionlessKeyUri}. */
    public void rotateFollowers(String versionlessKeyUri) {
        for (VaultName vault : assignments.followers(versionlessKeyUri)) {
            rotate(vault, versionlessKeyUri);
        }
    }

    /**
     * The vaults that follow a key whose key manager does not announce new versions (a remote one): their
     * keys are polled ({@link RemoteKeyPolling}).
     */
    @Transactional
    public List<VaultName> followersOfUnannouncedKeys() {
        return vaultRepository.followingKeys().stream().filter(vault -> !keyVault.announcesNewVersions(vault.keyUri()))
                .map(Vault::name).toList();
    }

    /** A version that appeared while the vault's key update ran found it busy, or was found by polling: follow it now. */
    void catchUp(VaultName vaultName) {
        missed.remove(vaultName);
        try {
            Vault vault = vaults.get(vaultName);
            if (!vault.usesCustomerManagedKey() || !vault.autoRotation()) {
                return;
            }
            String newest = keyVault.resolve(vault.keyUri(), Caller.identity(vault.requireIdentityOfTheKey())).kid();
            if (!newest.equals(vault.activeKeyId())) {
                rotate(vaultName, vault.keyUri());
            }
        } catch (StrongroomException e) {
            LOG.warning(() -> "Could not check whether vault " + vaultName + " follows the newest version of its key: "
                    + e.getMessage() + " (the next key event retries)");
        }
    }

    private void rotate(VaultName vault, String versionlessKeyUri) {
        try {
            Job job = assignments.request(Caller.SYSTEM, vault, KeyAssignmentInput.rotationTo(versionlessKeyUri));
            LOG.info(() -> "Vault " + vault + " follows " + versionlessKeyUri + ": rotation job " + job.id());
        } catch (StrongroomException refused) {
            if (refused.code() == ErrorCode.Conflict) {
                missed.add(vault);
            }
            LOG.info(() -> "Vault " + vault + " follows " + versionlessKeyUri + " but cannot rotate now: "
                    + refused.getMessage() + " (it catches up when its running update ends)");
        }
    }
}
