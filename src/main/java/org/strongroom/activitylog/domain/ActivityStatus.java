package org.strongroom.activitylog.domain;

/** Whether the recorded change took effect. */
public enum ActivityStatus {
    Succeeded, Failed
}
