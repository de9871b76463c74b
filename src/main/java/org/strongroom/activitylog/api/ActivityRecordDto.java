package org.strongroom.activitylog.api;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.strongroom.activitylog.domain.ActivityRecord;

/** A record as API.md shows it, with its sequence number. */
@JsonbPropertyOrder({"sequence", "time", "caller", "operation", "resource", "status", "details", "hash", "previousHash"})
public record ActivityRecordDto(long sequence, Instant time, String caller, String operation, String resource,
                                String status, String details, String hash, String previousHash) {

    public static ActivityRecordDto of(ActivityRecord r) {
        return new ActivityRecordDto(r.sequence(), r.time(), r.caller(), r.operation(), r.resource(), r.status().name(),
                r.details(), r.hash(), r.previousHash());
    }
}
