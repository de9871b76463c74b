package org.strongroom.protection.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.strongroom.protection.app.RecoveryPoints.PointOfItem;
import org.strongroom.protection.domain.RecoveryPoint;

/**
 * A recovery point as API.md shows it, with what the backup measured, the tiers it can be restored from,
 * and, while {@code Corrupt}, what did not check out ({@code stateDetails}, and when: {@code stateTime}).
 */
@JsonbPropertyOrder({"id", "time", "type", "sizeBytes", "state", "stateDetails", "stateTime", "tiers", "newBytes",
        "storedBytes", "chunkCount", "newChunkCount", "fileCount", "jobId"})
public record RecoveryPointDto(UUID id, Instant time, String type, long sizeBytes, String state, String stateDetails,
                               Instant stateTime, List<String> tiers, long newBytes, long storedBytes, int chunkCount,
                               int newChunkCount, int fileCount, UUID jobId) {

    public static RecoveryPointDto of(PointOfItem pointOfItem, Instant now) {
        RecoveryPoint point = pointOfItem.point();
        RecoveryPoint.Statistics s = point.statistics();
        int instantRestoreDays = pointOfItem.item().policy().instantRestoreDays();
        return new RecoveryPointDto(point.id(), point.time(), point.type(now, instantRestoreDays).name(), s.sizeBytes(),
                point.state().name(), point.stateReason(), point.stateTime(),
                point.tiers(now, instantRestoreDays).stream().map(Enum::name).toList(),
                s.newBytes(), s.storedBytes(), s.chunkCount(), s.newChunkCount(), s.fileCount(), point.jobId());
    }
}
