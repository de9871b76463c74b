package org.strongroom.protection.api;

import java.time.Instant;
import java.util.UUID;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.strongroom.protection.app.RecoveryPoints.PointOfItem;
import org.strongroom.protection.domain.RecoveryPoint;

/** A recovery point as API.md shows it, with what the backup measured. */
@JsonbPropertyOrder({"id", "time", "type", "sizeBytes", "state", "newBytes", "storedBytes", "chunkCount",
        "newChunkCount", "fileCount", "jobId"})
public record RecoveryPointDto(UUID id, Instant time, String type, long sizeBytes, String state, long newBytes,
                               long storedBytes, int chunkCount, int newChunkCount, int fileCount, UUID jobId) {

    public static RecoveryPointDto of(PointOfItem pointOfItem, Instant now) {
        RecoveryPoint point = pointOfItem.point();
        RecoveryPoint.Statistics s = point.statistics();
        return new RecoveryPointDto(point.id(), point.time(),
                point.type(now, pointOfItem.item().policy().instantRestoreDays()).name(), s.sizeBytes(), "Available",
                s.newBytes(), s.storedBytes(), s.chunkCount(), s.newChunkCount(), s.fileCount(), point.jobId());
    }
}
