package org.strongroom.protection.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.strongroom.platform.StrongroomException;

/**
 * When an item is backed up and how long its recovery points live: a schedule, the retention in days,
 * and how many days recovery points count as instant-restore {@code Snapshot}s (default 2).
 */
@Embeddable
public class BackupPolicy {

    public static final int DEFAULT_INSTANT_RESTORE_DAYS = 2;
    public static final int MAX_RETENTION_DAYS = 36_500;

    @Column(name = "policy_schedule", length = 100)
    private String schedule;

    @Column(name = "policy_retention_days")
    private Integer retentionDays;

    @Column(name = "policy_instant_restore_days", nullable = false)
    private int instantRestoreDays = DEFAULT_INSTANT_RESTORE_DAYS;

    protected BackupPolicy() {
        // for JPA
    }

    /** A policy; every part may be absent (no schedule: backups on demand only; no retention: kept until deleted). */
    public static BackupPolicy of(String schedule, Integer retentionDays, Integer instantRestoreDays) {
        if (schedule != null && (schedule.isBlank() || schedule.length() > 100)) {
            throw StrongroomException.badRequest("policy.schedule must be 1 to 100 characters", "policy.schedule");
        }
        if (schedule != null) {
            CronSchedule.parse(schedule);
        }
        if (retentionDays != null && (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS)) {
            throw StrongroomException.badRequest("policy.retentionDays must be from 1 to " + MAX_RETENTION_DAYS,
                    "policy.retentionDays");
        }
        if (instantRestoreDays != null && (instantRestoreDays < 1 || instantRestoreDays > 30)) {
            throw StrongroomException.badRequest("policy.instantRestoreDays must be from 1 to 30", "policy.instantRestoreDays");
        }
        BackupPolicy policy = new BackupPolicy();
        policy.schedule = schedule;
        policy.retentionDays = retentionDays;
        policy.instantRestoreDays = instantRestoreDays == null ? DEFAULT_INSTANT_RESTORE_DAYS : instantRestoreDays;
        return policy;
    }

    public static BackupPolicy none() {
        return of(null, null, null);
    }

    /** Whether backups run on a schedule, and when. */
    public java.util.Optional<CronSchedule> cron() {
        return java.util.Optional.ofNullable(schedule).map(CronSchedule::parse);
    }

    public String schedule() {
        return schedule;
    }

    public Integer retentionDays() {
        return retentionDays;
    }

    public int instantRestoreDays() {
        return instantRestoreDays;
    }
}
