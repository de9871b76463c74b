package org.strongroom.vault.app;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.crypto.DataKeys;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.jobs.app.JobExecution;
import org.strongroom.jobs.app.JobHandler;
import org.strongroom.jobs.domain.JobOperation;
import org.strongroom.keyvault.KeyVaultClient.KeyVaultProperties;
import org.strongroom.keyvault.KeyVaultClient.ResolvedKey;
import org.strongroom.keyvault.ManagedIdentityKeys;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.Settings;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;
import org.strongroom.keyvault.KeyRequirements;
import org.strongroom.vault.domain.KeyUpdateRequest;
import org.strongroom.vault.domain.Vault;

/**
 * The key-update job ({@code ConfigureEncryption}, {@code UpdateEncryptionKey}): validates the key
 * against the seed's rules, acting as the vault's identity; the first time, wraps a fresh vault data key
 * with the KEK (the platform-wrapped one, under which no data lies, is replaced); later, unwraps the data
 * key with the KEK in force and wraps it with the new one. Either way it proves the new wrapping unwraps
 * and puts key and settings in force in one transaction. Cost is one unwrap and one wrap whatever the
 * vault holds: data is never re-encrypted.
 *
 * <p>Any refusal ends the job {@code Failed} with the seed's code and leaves the previous key in force
 * ({@link KeyAssignments#onJobEnded}). A version that appears while the job runs is followed once it has
 * ended ({@link AutoRotation}).
 */
@ApplicationScoped
public class KeyAssignmentJob implements JobHandler {

    @Inject
    KeyAssignmentSteps steps;

    @Inject
    VaultDataKeys dataKeys;

    @Inject
    ManagedIdentityKeys keys;

    @Inject
    Settings settings;

    @Override
    public Set<JobOperation> operations() {
        return KeyUpdateOperations.ALL;
    }

    @Override
    public void run(JobExecution job) {
        Caller requester = job.requester();
        Optional<Vault> pending = steps.pending(job.subject().vaultName(), job.jobId());
        if (pending.isEmpty()) {
            return; // already put in force or ended by an earlier delivery of this job
        }
        Vault vault = pending.get();
        KeyUpdateRequest request = vault.pendingKeyUpdate().orElseThrow();
        Caller identity = Caller.identity(vault.requireUsableIdentity());
        KeyVaultProperties keyVault = keys.keyVaultOf(request.keyUri());
        ResolvedKey key = validate(vault, request, identity, keyVault);
        boolean following = isVersionless(request.keyUri(), key);
        String assignedUri = following ? key.versionlessId() : key.kid();
        byte[] wrapped = dataKeyUnder(vault, key, identity);
        Vault assigned = steps.complete(requester, job.operation().name(), vault.name(), job.jobId(), assignedUri,
                key.kid(), following, wrapped, keyVault.source());
        dataKeys.syncStore(assigned);
    }

    /**
     * SPEC 5-9 and 13 ({@link KeyRequirements}), acting as the vault's identity, on the key vault's properties as
     * its key manager tells them ({@link KeyVaultProperties#source()}: the completed job's record names it).
     */
    private ResolvedKey validate(Vault vault, KeyUpdateRequest request, Caller identity, KeyVaultProperties keyVault) {
        KeyRequirements requirements = new KeyRequirements(settings.largeRsaKeysAllowed());
        requirements.checkKeyVault(keyVault, keys.keyPermissions(request.keyUri(), identity),
                vault.name(), vault.region(), request.keyVaultSubscriptionId(), identity.name());
        ResolvedKey key = keys.resolve(request.keyUri(), identity);
        requirements.checkKey(key, Timestamps.now());
        return key;
    }

    /**
     * The vault's data key wrapped by the new KEK. The first configuration gives the vault a fresh data key:
     * no data lies under the one the platform key wrapped (SPEC 1: the vault never had an item, and
     * {@link Vault#completeKeyUpdate} checks it again), and that one is replaced in the database and the
     * store, so nothing the platform key alone opens leads to the vault's data. A later update rewraps the
     * same data key (SPEC 13: the key in force must still unwrap it); the key in force again changes nothing,
     * except that an identity re-created after a tenant move must first prove it opens the data key (SPEC 18).
     */
    private byte[] dataKeyUnder(Vault vault, ResolvedKey key, Caller identity) {
        if (!vault.usesCustomerManagedKey()) {
            try (KeyMaterial fresh = DataKeys.generate()) {
                return wrapAndProve(fresh, key, identity);
            }
        }
        if (key.kid().equals(vault.activeKeyId())) {
            if (!vault.keyAssignedFor(identity.name())) {
                // A re-created identity (SPEC 18): it must open the data key before the key is put in force for it.
                dataKeys.unwrapAs(vault, identity).close();
            }
            return vault.wrappedDataKey();
        }
        try (KeyMaterial dataKey = dataKeys.unwrapAs(vault, identity)) {
            return wrapAndProve(dataKey, key, identity);
        }
    }

    /** Wraps {@code dataKey} with the new KEK and proves the new wrapping opens to it. */
    private byte[] wrapAndProve(KeyMaterial dataKey, ResolvedKey key, Caller identity) {
        byte[] wrapped = keys.wrap(key.kid(), dataKey.bytes(), identity);
        try (KeyMaterial check = keys.unwrap(key.kid(), wrapped, identity)) {
            if (!Arrays.equals(check.bytes(), dataKey.bytes())) {
                throw refuse(ErrorCode.DataIntegrityError, "Key " + key.kid() + " did not return the data key it wrapped");
            }
        }
        return wrapped;
    }

    private static boolean isVersionless(String requestedUri, ResolvedKey key) {
        return !requestedUri.replaceAll("/+$", "").endsWith("/" + key.version());
    }

    private static StrongroomException refuse(ErrorCode code, String message) {
        return new StrongroomException(code, message, "keyUri");
    }
}
