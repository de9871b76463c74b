package org.strongroom.activitylog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/**
 * Refusals are logged, not flooded: the first of a kind is recorded, the rest of its minute counted into the
 * next record.
 */
class RefusalThrottleTest {

    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void firstRefusalOfAKind_isRecorded_theRestOfItsMinuteCounted_andTheNextRecordSaysHowMany() {
        RefusalThrottle throttle = new RefusalThrottle(Duration.ofMinutes(1));
        assertEquals(OptionalLong.of(0), throttle.admit("bob UnwrapKey keyvaults/kv/keys/k", T0));
        for (int i = 1; i <= 29; i++) {
            assertEquals(OptionalLong.empty(), throttle.admit("bob UnwrapKey keyvaults/kv/keys/k", T0.plusSeconds(i)));
        }
        assertEquals(OptionalLong.of(29), throttle.admit("bob UnwrapKey keyvaults/kv/keys/k", T0.plusSeconds(60)));
        assertEquals(OptionalLong.empty(), throttle.admit("bob UnwrapKey keyvaults/kv/keys/k", T0.plusSeconds(61)));
    }

    @Test
    void kindsAreThrottledApart() {
        RefusalThrottle throttle = new RefusalThrottle(Duration.ofMinutes(1));
        assertEquals(OptionalLong.of(0), throttle.admit("bob UnwrapKey keyvaults/kv/keys/k", T0));
        assertEquals(OptionalLong.of(0), throttle.admit("eve UnwrapKey keyvaults/kv/keys/k", T0));
        assertEquals(OptionalLong.of(0), throttle.admit("bob WrapKey keyvaults/kv/keys/k", T0));
    }
}
