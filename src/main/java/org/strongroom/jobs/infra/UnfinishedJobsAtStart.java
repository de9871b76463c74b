package org.strongroom.jobs.infra;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import org.strongroom.jobs.app.JobRecovery;

/** Gives unfinished jobs a fresh message when the server starts, once the schema is in place ({@link JobRecovery}). */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class UnfinishedJobsAtStart {

    @Inject
    JobRecovery recovery;

    @PostConstruct
    void requeue() {
        recovery.requeueUnfinished();
    }
}
