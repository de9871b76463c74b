package org.strongroom.activitylog.infra;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.strongroom.activitylog.app.ActivityHead;
import org.strongroom.platform.Settings;

/** Keys the chain and writes out its head at start, once the schema is in place, and then every minute ({@link ActivityHead}). */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ActivityHeadSchedule {

    @Inject
    Settings settings;

    @Inject
    ActivityHead head;

    @PostConstruct
    void atStart() {
        head.keyAndWriteOut();
    }

    @Schedule(hour = "*", minute = "*", persistent = false)
    void everyMinute() {
        if (!settings.timersEnabled()) {
            return;
        }
        head.writeOut();
    }
}
