package org.strongroom.vault.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;

import org.strongroom.activitylog.app.ActivityLog;
import org.strongroom.keyvault.KeyVaultClient.ResolvedKey;
import org.strongroom.keyvault.ManagedIdentityKeys;
import org.strongroom.platform.Caller;
import org.strongroom.platform.Meters;
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
    ActivityLog activity;

    @Inject
    MeterRegistry registry;

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
     * Probes {@code name}'s key at {@code now}, in a transaction of its own.
     *
     * @throws StrongroomException 404 for an unknown vault, 409 for a vault without a customer-managed key
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public KeyHealth probe(VaultName name, Instant now) {
        Vault vault = vaults.find(name).orElseThrow(() -> StrongroomException.notFound("No vault named '" + name + "'",
                ResourcePath.vault(name).toString()));
        if (!vault.usesCustomerManagedKey()) {
            throw StrongroomException.conflict("Vault '" + name + "' has no customer-managed key to probe",
                    ResourcePath.vault(name).child("encryption").toString());
        }
        List<String> found = findings(vault, now);
        KeyHealth report = reports.find(name).orElse(null);
        boolean first = report == null;
        if (first) {
            report = new KeyHealth(name, now);
            reports.add(report);
        }
        boolean changed = report.record(found, now);
        Meters.counter(registry, "strongroom.key.health.probes", "Probes of vaults' keys in force, by what they found: "
                + "Healthy, or Warning (something would fail the next backup)", null, "status", report.status().name()).increment();
        if (changed || first && !found.isEmpty()) {
            KeyHealth recorded = report;
            activity.record(Caller.SYSTEM, found.isEmpty() ? "KeyHealthRestored" : "KeyHealthWarning",
                    ResourcePath.vault(name).child("encryption"), () -> recorded,
                    r -> r.warnings().isEmpty() ? "key " + vault.keyUri() + " healthy again" : String.join("; ", r.warnings()));
        }
        return report;
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
