package org.strongroom.vault.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

/**
 * Running jobs ask the key vault again after so many bytes or so long, and stop with the key's code when it
 * refuses.
 */
class KeyRecheckTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void asksAgainAfterEverySoManyBytes() {
        AtomicInteger asked = new AtomicInteger();
        AtomicLong clock = new AtomicLong();
        KeyRecheck recheck = new KeyRecheck(asked::incrementAndGet, 64 * MIB, Duration.ofSeconds(10), clock::get);
        for (int i = 0; i < 63; i++) {
            recheck.passed(MIB);
        }
        assertEquals(0, asked.get());
        recheck.passed(MIB);
        assertEquals(1, asked.get());
        for (int i = 0; i < 64; i++) {
            recheck.passed(MIB);
        }
        assertEquals(2, asked.get());
    }

    @Test
    void asksAgainAfterSoLong_evenWithLittleData() {
        AtomicInteger asked = new AtomicInteger();
        AtomicLong clock = new AtomicLong();
        KeyRecheck recheck = new KeyRecheck(asked::incrementAndGet, 64 * MIB, Duration.ofSeconds(10), clock::get);
        recheck.passed(1);
        clock.set(Duration.ofSeconds(9).toNanos());
        recheck.passed(1);
        assertEquals(0, asked.get());
        clock.set(Duration.ofSeconds(10).toNanos());
        recheck.passed(1);
        assertEquals(1, asked.get());
    }

    @Test
    void aRefusalOfTheKeyVault_stopsTheCaller_withItsCode() {
        KeyRecheck recheck = new KeyRecheck(() -> {
            throw new StrongroomException(ErrorCode.UserErrorKeyDisabled, "Key k is disabled", "keyUri");
        }, MIB, Duration.ofSeconds(10), () -> 0);
        StrongroomException refused = assertThrows(StrongroomException.class, () -> recheck.passed(MIB));
        assertEquals(ErrorCode.UserErrorKeyDisabled, refused.code());
    }
}
