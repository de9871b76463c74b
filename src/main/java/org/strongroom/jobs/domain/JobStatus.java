package org.strongroom.jobs.domain;

/** A job's status as API.md names it. A job is {@code InProgress} from submission until it ends. */
public enum JobStatus {
    InProgress, Completed, CompletedWithWarnings, Failed, Cancelled;

    public boolean isFinished() {
        return this != InProgress;
    }
}
