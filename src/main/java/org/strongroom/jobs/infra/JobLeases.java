package org.strongroom.jobs.infra;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.strongroom.jobs.app.JobRecovery;
import org.strongroom.jobs.app.JobRunner;
import org.strongroom.platform.Settings;

/**
 * Every ten seconds, on every server: the heartbeat of the jobs this server runs (their leases renewed), then
 * the takeover of jobs whose server died ({@link JobRecovery#takeOverAbandoned()}; with the background timers).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobLeases {

    private static final Logger LOG = Logger.getLogger(JobLeases.class.getName());

    @Inject
    JobRunner runner;

    @Inject
    JobRecovery recovery;

    @Inject
    Settings settings;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void everyTenSeconds() {
        try {
            runner.renewLeases();
            if (settings.timersEnabled()) {
                recovery.takeOverAbandoned();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Job leases could not be renewed or checked; trying again in ten seconds", e);
        }
    }
}
