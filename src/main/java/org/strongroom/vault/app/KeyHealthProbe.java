package org.strongroom.vault.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.keyvault.KeyVaultClient.ResolvedKey;
import org.strongroom.keyvault.ManagedIdentityKeys;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.VaultName;
import org.strongroom.vault.domain.KeyHealth;
import org.strongroom.vault.domain.KeyHealthRepository;
import org.strongroom.vault.domain.Vault;
import org.strongroom.vault.domain.VaultRepository;

/**
 * Probes a vault's key in force as the vault's identity — reads the key and its key vault's access policy,
 * as the next backup would — and keeps what it found ({@link KeyHealth}); when the findings change, the
 * activity log says so ({@code KeyHealthWarning}, {@code KeyHealthRestored}), and every probe counts in
 * {@code strongroom_key_health_probes_total} by its status. {@code KeyHealthScheduler}
 * probes every vault with a customer-managed key daily; {@code POST .../encryption/keyHealth} at once.
 */
@ApplicationScoped
public class KeyHealthProbe {

    @Inject
    VaultRepository vaults;

    @Inject
    KeyHealthRepository reports;

    @Inject
    ManagedIdentityKeys keys;

    @Inject
    KeyHealthRecords records;

    /** The last probe's report of a vault, if it was probed. */
    @Transactional
    public Optional<KeyHealth> report(VaultName name) {
        return reports.find(name);
    }

    /** The vaults that have a customer-managed key, for the daily probe. */
    @Transactional
    public List<VaultName> vaultsWithCustomerManagedKeys() {
        return vaults.all().stream().filter(Vault::usesCustomerManagedKey).map(Vault::name).toList();
    }

    /**
     * Probes {@code name}'s key at {@code now}. The key is asked outside any transaction — each call to the key
     * manager has its own, so that a refusal, which marks its transaction for rollback, is a finding and not
     * the probe's end — and the report is recorded in a transaction of its own ({@link KeyHealthRecords}).
     *
     * @throws StrongroomException 404 for an unknown vault, 409 for a vault without a customer-managed key
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public KeyHealth probe(VaultName name, Instant now) {
        Vault vault = vaults.find(name).orElseThrow(() -> StrongroomException.notFound("No vault named '" + name + "'",
                ResourcePath.vault(name).toString()));
        if (!vault.usesCustomerManagedKey()) {
            throw StrongroomException.conflict("Vault '" + name + "' has no customer-managed key to probe",
                    ResourcePath.vault(name).child("encryption").toString());
        }
        return records.record(name, vault.keyUri(), findings(vault, now), now);
    }

    private List<String> findings(Vault vault, Instant now) {
        Caller identity = Caller.identity(vault.requireIdentityOfTheKey());
        try {
            ResolvedKey key = keys.resolve(vault.keyUri(), identity);
            return KeyHealth.warningsFor(key, keys.keyPermissions(vault.keyUri(), identity), now);
        } catch (StrongroomException e) {
            return List.of("The vault's identity cannot read its key " + vault.keyUri() + ": " + e.code() + ": " + e.getMessage());
        }
    }
}
