package org.strongroom.keymanager.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

/** The circuit breaker of remote key managers: it opens on failures to reach one, never on its answers. */
class KeyManagerGuardTest {

    private static KeyManagerGuard guard() {
        KeyManagerGuard guard = new KeyManagerGuard();
        guard.registry = new SimpleMeterRegistry();
        return guard;
    }

    private static Object unreachable() {
        throw new StrongroomException(ErrorCode.UserErrorKeyVaultUnreachable, "connection refused", "keyUri");
    }

    @Test
    void failuresToReachAKeyManager_openItsCircuit_andLaterCallsFailAtOnceWithoutCallingIt() {
        KeyManagerGuard guard = guard();
        for (int i = 0; i < KeyManagerGuard.FAILURES_TO_OPEN; i++) {
            assertThrows(StrongroomException.class, () -> guard.call("kms", KeyManagerGuardTest::unreachable));
        }
        AtomicInteger called = new AtomicInteger();
        StrongroomException held = assertThrows(StrongroomException.class, () -> guard.call("kms", called::incrementAndGet));
        assertEquals(ErrorCode.UserErrorKeyVaultUnreachable, held.code());
        assertEquals(0, called.get(), "an open circuit does not call the key manager");
        assertTrue(guard.health("kms").circuitOpen());
        assertEquals("UNREACHABLE", guard.health("kms").status());
        assertEquals("connection refused", guard.health("kms").lastError());
        assertEquals(1, guard.call("other", called::incrementAndGet), "each key manager has a circuit of its own");
        assertEquals(1.0, guard.registry.counter("strongroom.keymanager.calls", "keyManager", "kms", "outcome", "rejected").count());
        assertEquals(KeyManagerGuard.FAILURES_TO_OPEN, guard.registry.counter("strongroom.keymanager.calls", "keyManager", "kms",
                "outcome", "unreachable").count());
    }

    @Test
    void refusals_areAnswers_andKeepTheCircuitClosed() {
        KeyManagerGuard guard = guard();
        for (int i = 0; i < 2 * KeyManagerGuard.FAILURES_TO_OPEN; i++) {
            assertThrows(StrongroomException.class, () -> guard.call("kms", () -> {
                throw StrongroomException.notFound("no such key", "keyUri");
            }));
        }
        assertFalse(guard.health("kms").circuitOpen());
        assertEquals("REACHABLE", guard.health("kms").status());
        assertEquals("ok", guard.call("kms", () -> "ok"));
    }

    @Test
    void aSuccess_betweenFailures_startsTheCountAgain() {
        KeyManagerGuard guard = guard();
        for (int i = 0; i < KeyManagerGuard.FAILURES_TO_OPEN - 1; i++) {
            assertThrows(StrongroomException.class, () -> guard.call("kms", KeyManagerGuardTest::unreachable));
        }
        guard.call("kms", () -> "ok");
        assertThrows(StrongroomException.class, () -> guard.call("kms", KeyManagerGuardTest::unreachable));
        assertEquals("answered", guard.call("kms", () -> "answered"), "one failure after a success does not open it");
        assertEquals("UNKNOWN", guard.health("never-called").status());
    }
}
