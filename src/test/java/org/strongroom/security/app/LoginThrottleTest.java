package org.strongroom.security.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Login throttling: five failures block a user for the minute, thirty an address; a success clears the count. */
class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void fifthFailureForAUser_blocksItsLoginsForTheRestOfTheMinute_thenTheyAreAllowedAgain() {
        LoginThrottle throttle = new LoginThrottle();
        for (int i = 1; i < LoginThrottle.USER_FAILURES; i++) {
            assertFalse(throttle.failed("alice", "10.0.0.1", T0.plusSeconds(i)));
            assertEquals(Optional.empty(), throttle.blocked("alice", "10.0.0.1", T0.plusSeconds(i)));
        }
        assertTrue(throttle.failed("alice", "10.0.0.2", T0.plusSeconds(10)), "the limit is reached: worth a record");
        assertEquals(Optional.of(Duration.ofSeconds(41)), throttle.blocked("alice", "10.0.0.3", T0.plusSeconds(20)),
                "blocked from any address, the right password too, until a minute after the first failure");
        assertEquals(Optional.empty(), throttle.blocked("bob", "10.0.0.3", T0.plusSeconds(20)), "other users are not");
        assertEquals(Optional.empty(), throttle.blocked("alice", "10.0.0.1", T0.plusSeconds(61)));
    }

    @Test
    void manyFailuresFromOneAddress_blockEveryNameFromIt() {
        LoginThrottle throttle = new LoginThrottle();
        for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES; i++) {
            throttle.failed("user-" + i, "10.9.9.9", T0);
        }
        assertTrue(throttle.blocked("someone-else", "10.9.9.9", T0.plusSeconds(1)).isPresent());
        assertEquals(Optional.empty(), throttle.blocked("someone-else", "10.1.1.1", T0.plusSeconds(1)));
    }

    @Test
    void aSuccessfulLogin_clearsTheUsersCount() {
        LoginThrottle throttle = new LoginThrottle();
        for (int i = 1; i < LoginThrottle.USER_FAILURES; i++) {
            throttle.failed("alice", "10.0.0.1", T0);
        }
        throttle.succeeded("alice");
        assertFalse(throttle.failed("alice", "10.0.0.1", T0));
        assertEquals(Optional.empty(), throttle.blocked("alice", "10.0.0.1", T0));
    }
}
