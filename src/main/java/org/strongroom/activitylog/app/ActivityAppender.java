package org.strongroom.activitylog.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.strongroom.activitylog.domain.ActivityRecord;
import org.strongroom.activitylog.domain.ActivityRepository;
import org.strongroom.activitylog.domain.ActivityStatus;
import org.strongroom.platform.Caller;
import org.strongroom.platform.Timestamps;

/** Appends records to the chain under its lock, linked under the chain key. */
@ApplicationScoped
public class ActivityAppender {

    @Inject
    ActivityRepository records;

    @Inject
    ChainKey chainKey;

    /** Appends in the caller's transaction: the record exists if and only if the change commits. */
    @Transactional(TxType.MANDATORY)
    public void append(Caller caller, String operation, String resource, ActivityStatus status, String details) {
        records.add(ActivityRecord.append(records.lockHead(), chainKey, Timestamps.now(), caller.name(), operation, resource,
                status, details));
    }

    /** Appends in a transaction of its own, for a change that was refused and rolled back. */
    @Transactional(TxType.REQUIRES_NEW)
    public void appendAlone(Caller caller, String operation, String resource, ActivityStatus status, String details) {
        append(caller, operation, resource, status, details);
    }
}
