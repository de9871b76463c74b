package org.strongroom.restore.infra;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** The worker pools of restores and verifies. */
public final class Workers {

    private Workers() {
    }

    /**
     * Stops the workers and waits until none runs any more, so that a failed job's cleanup sees every file
     * they wrote (a worker still writing would otherwise leave one behind). Interrupted, a worker stops at
     * its next read or write.
     */
    public static void stopAndWait(ExecutorService workers) {
        workers.shutdownNow();
        try {
            workers.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
