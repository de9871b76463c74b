package org.strongroom.backup.app;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.strongroom.platform.Caller;
import org.strongroom.platform.ScheduledRuns;
import org.strongroom.platform.Settings;
import org.strongroom.platform.StrongroomException;
import org.strongroom.protection.domain.ProtectedItem;
import org.strongroom.protection.domain.ProtectedItemRepository;
import org.strongroom.vault.app.VaultService;
import org.strongroom.vault.domain.Vault;

/**
 * Runs items' scheduled backups (their policy's schedule, checked every minute, in UTC) as {@code system},
 * and every ten minutes applies retention and collects garbage in every vault.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackupScheduler {

    private static final Logger LOG = Logger.getLogger(BackupScheduler.class.getName());

    @Inject
    Settings settings;

    @Inject
    ProtectedItemRepository items;

    @Inject
    Backups backups;

    @Inject
    VaultService vaults;

    @Inject
    StoreMaintenance maintenance;

    @Inject
    ScheduledRuns runs;

    /** Once a minute across a cluster ({@link ScheduledRuns}): the backups due, and every ten minutes the maintenance. */
    @Schedule(hour = "*", minute = "*", persistent = false)
    void everyMinute() {
        ZonedDateTime minute = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        if (!settings.timersEnabled() || !runs.claim("backups", minute.toInstant())) {
            return;
        }
        startDueBackups(minute);
        if (minute.getMinute() % 10 == 0) {
            maintainAll();
        }
    }

    /** Requests a backup of every item whose schedule fires in {@code minute}; answers how many started. */
    public int startDueBackups(ZonedDateTime minute) {
        int started = 0;
        for (ProtectedItem item : items.scheduled()) {
            if (item.policy().cron().map(cron -> cron.matches(minute)).orElse(false)) {
                try {
                    backups.request(Caller.SYSTEM, item.ref());
                    started++;
                } catch (StrongroomException busy) {
                    LOG.info(() -> "Scheduled backup of " + item.vault() + "/" + item.name() + " skipped: " + busy.getMessage());
                }
            }
        }
        return started;
    }

    public void maintainAll() {
        for (Vault vault : vaults.list()) {
            try {
                maintenance.maintain(vault.name());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Maintenance of vault " + vault.name() + " failed; it is retried in ten minutes", e);
            }
        }
    }
}
