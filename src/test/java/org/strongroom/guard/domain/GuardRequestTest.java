package org.strongroom.guard.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;
import org.strongroom.support.Refusals;

class GuardRequestTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static GuardRequest request() {
        return new GuardRequest("g1", "v1", CriticalOperation.DeleteVault, "admin", "clean-up", NOW);
    }

    @Test
    void approvedRequest_allowsOnlyItsRequester_vaultAndOperation_untilItExpires() {
        GuardRequest request = request();
        assertFalse(request.allows("admin", "v1", CriticalOperation.DeleteVault, NOW), "pending allows nothing");
        request.approve("owner", NOW, Duration.ofMinutes(10));
        assertTrue(request.allows("admin", "v1", CriticalOperation.DeleteVault, NOW.plusSeconds(599)));
        assertFalse(request.allows("admin2", "v1", CriticalOperation.DeleteVault, NOW));
        assertFalse(request.allows("admin", "v2", CriticalOperation.DeleteVault, NOW));
        assertFalse(request.allows("admin", "v1", CriticalOperation.DisableSoftDelete, NOW));
        assertFalse(request.allows("admin", "v1", CriticalOperation.DeleteVault, NOW.plusSeconds(600)));
        assertEquals(GuardRequest.Status.Expired, request.status(NOW.plusSeconds(600)));
    }

    @Test
    void usedApproval_allowsNothingMore() {
        GuardRequest request = request();
        request.approve("owner", NOW, Duration.ofMinutes(10));
        request.use(NOW);
        assertEquals(GuardRequest.Status.Used, request.status(NOW));
        assertFalse(request.allows("admin", "v1", CriticalOperation.DeleteVault, NOW));
    }

    @Test
    void approval_lastsOneMinuteToOneDay_andIsDecidedOnce() {
        Refusals.assertBadRequest("validForMinutes", () -> request().approve("owner", NOW, Duration.ZERO));
        Refusals.assertBadRequest("validForMinutes", () -> request().approve("owner", NOW, Duration.ofMinutes(1441)));
        GuardRequest rejected = request();
        rejected.reject("owner", NOW);
        StrongroomException twice = assertThrows(StrongroomException.class,
                () -> rejected.approve("owner", NOW, Duration.ofMinutes(5)));
        assertEquals(ErrorCode.Conflict, twice.code());
        assertFalse(rejected.allows("admin", "v1", CriticalOperation.DeleteVault, NOW));
    }
}
