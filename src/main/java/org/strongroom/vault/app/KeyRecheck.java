package org.strongroom.vault.app;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Asks the key vault again, while a job runs, whether the vault's data key still opens: a key disabled,
 * expired or deleted, or an {@code unwrapKey} permission revoked, then stops the job with the key's code
 * instead of letting it run to its end on the data key it unwrapped when it started. It asks after every
 * {@code bytes} of data the job has handled, and at the first chunk after {@code interval}, whichever
 * comes first (docs/operations.md: the revocation lag). Thread-safe: restore workers call it in parallel.
 */
public final class KeyRecheck {

    private final Runnable unwrapAgain;
    private final long bytes;
    private final long intervalNanos;
    private final LongSupplier clock;
    private long bytesSince;
    private long lastNanos;

    KeyRecheck(Runnable unwrapAgain, long bytes, Duration interval, LongSupplier clock) {
        this.unwrapAgain = unwrapAgain;
        this.bytes = bytes;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.lastNanos = clock.getAsLong();
    }

    /**
     * Counts {@code handled} more bytes; asks the key vault when it is time. Throws the key vault's refusal
     * (with the seed's code) when the data key no longer opens.
     */
    public void passed(long handled) {
        synchronized (this) {
            bytesSince += handled;
            long now = clock.getAsLong();
            if (bytesSince < bytes && now - lastNanos < intervalNanos) {
                return;
            }
            bytesSince = 0;
            lastNanos = now;
        }
        unwrapAgain.run();
    }
}
