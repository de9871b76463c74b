package org.strongroom.keyvault.app;

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

/** Purges deleted keys whose retention has ended, every ten minutes. */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeletedKeyPurger {

    private static final Logger LOG = Logger.getLogger(DeletedKeyPurger.class.getName());

    @Inject
    Settings settings;

    @Inject
    KeyOperations keys;

    @Inject
    ScheduledRuns runs;

    /** Every ten minutes, once across a cluster ({@link ScheduledRuns}). */
    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void purgeExpired() {
        if (!settings.timersEnabled() || !runs.claim("deletedKeyPurge", Timestamps.now().truncatedTo(ChronoUnit.MINUTES))) {
            return;
        }
        int purged = keys.purgeExpired();
        if (purged > 0) {
            LOG.info(() -> "Purged " + purged + " deleted key(s) whose retention ended");
        }
    }
}
