package org.strongroom.vault.app;

import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.strongroom.platform.Settings;
import org.strongroom.platform.VaultName;

/**
 * Follows keys of remote key managers (SPEC 10 beyond the built-in key vault): they announce no new
 * versions, so every {@link Settings#keyPollInterval()} (default hourly, as Azure Backup checks) each vault
 * that follows one asks for the newest version, and rotates through {@link AutoRotation} when it changed.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RemoteKeyPolling {

    private static final Logger LOG = Logger.getLogger(RemoteKeyPolling.class.getName());

    @Resource
    TimerService timers;

    @Inject
    Settings settings;

    @Inject
    AutoRotation rotation;

    @PostConstruct
    void schedule() {
        if (settings.timerEnabled(Settings.KEY_POLLING_TIMER)) {
            long interval = settings.keyPollInterval().toMillis();
            timers.createIntervalTimer(interval, interval, new TimerConfig("remote-key-polling", false));
        }
    }

    @Timeout
    void poll() {
        for (VaultName vault : rotation.followersOfUnannouncedKeys()) {
            try {
                rotation.catchUp(vault);
            } catch (RuntimeException e) {
                LOG.warning(() -> "The key of vault " + vault + " could not be polled for a new version: " + e);
            }
        }
    }
}
