package org.strongroom.vault.app;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;

import org.strongroom.activitylog.app.ActivityLog;
import org.strongroom.platform.Caller;
import org.strongroom.platform.Meters;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.VaultName;
import org.strongroom.vault.domain.KeyHealth;
import org.strongroom.vault.domain.KeyHealthRepository;

/**
 * Records what a key health probe found ({@link KeyHealthProbe}), in a transaction of its own: the report,
 * the metric, and — when the findings changed — the activity record.
 */
@ApplicationScoped
public class KeyHealthRecords {

    @Inject
    KeyHealthRepository reports;

    @Inject
    ActivityLog activity;

    @Inject
    MeterRegistry registry;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public KeyHealth record(VaultName name, String keyUri, List<String> found, Instant now) {
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
                    r -> r.warnings().isEmpty() ? "key " + keyUri + " healthy again" : String.join("; ", r.warnings()));
        }
        return report;
    }
}
