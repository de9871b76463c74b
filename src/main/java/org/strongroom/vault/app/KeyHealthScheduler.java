package org.strongroom.vault.app;

import java.time.temporal.ChronoUnit;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.strongroom.platform.ScheduledRuns;
import org.strongroom.platform.Settings;
import org.strongroom.platform.Timestamps;
import org.strongroom.platform.VaultName;
import org.strongroom.vault.domain.KeyHealth;

/** Probes the key of every vault with a customer-managed key once a day ({@link KeyHealthProbe}). */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KeyHealthScheduler {

    private static final Logger LOG = Logger.getLogger(KeyHealthScheduler.class.getName());

    @Inject
    Settings settings;

    @Inject
    KeyHealthProbe probe;

    @Inject
    ScheduledRuns runs;

    /** Daily, once across a cluster ({@link ScheduledRuns}). */
    @Schedule(hour = "4", minute = "15", persistent = false)
    void daily() {
        if (!settings.timersEnabled() || !runs.claim("keyHealth", Timestamps.now().truncatedTo(ChronoUnit.DAYS))) {
            return;
        }
        for (VaultName vault : probe.vaultsWithCustomerManagedKeys()) {
            try {
                KeyHealth health = probe.probe(vault, Timestamps.now());
                if (health.status() == KeyHealth.Status.Warning) {
                    LOG.warning(() -> "Vault " + vault + ": " + String.join("; ", health.warnings()));
                }
            } catch (RuntimeException e) {
                LOG.warning(() -> "The key of vault " + vault + " could not be probed: " + e);
            }
        }
    }
}
