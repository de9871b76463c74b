package org.strongroom.keyvault.app;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.strongroom.platform.ScheduledRuns;
import org.strongroom.platform.Settings;
import org.strongroom.platform.Timestamps;

/** Carries out the keys' rotation policies every hour ({@link KeyRotationPolicies}). */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KeyRotationScheduler {

    private static final Logger LOG = Logger.getLogger(KeyRotationScheduler.class.getName());

    @Inject
    Settings settings;

    @Inject
    KeyRotationPolicies policies;

    @Inject
    ScheduledRuns runs;

    /** Hourly, once across a cluster ({@link ScheduledRuns}). */
    @Schedule(hour = "*", minute = "5", persistent = false)
    void onTimer() {
        if (!settings.timersEnabled() || !runs.claim("keyRotation", Timestamps.now().truncatedTo(ChronoUnit.HOURS))) {
            return;
        }
        int rotated = carryOut(Timestamps.now());
        if (rotated > 0) {
            LOG.info(() -> "Rotated " + rotated + " key(s) as their rotation policies ask");
        }
    }

    /** Carries out the lifetime actions due at {@code now}, key by key; answers how many keys were rotated. */
    public int carryOut(Instant now) {
        int rotated = 0;
        for (UUID id : policies.keysToCheck()) {
            try {
                rotated += policies.carryOut(id, now) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warning(() -> "The rotation policy of key " + id + " could not be carried out: " + e);
            }
        }
        return rotated;
    }
}
