package org.strongroom.activitylog.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets one refusal per kind (caller, operation, resource) through per window, and counts the others,
 * so that a caller retrying a refused call in a loop cannot flood the activity log: the next record that
 * gets through says how many were left out.
 */
final class RefusalThrottle {

    private static final int MAX_KINDS = 10_000;

    private final Duration window;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(Instant start, long suppressed) {
    }

    RefusalThrottle(Duration window) {
        this.window = window;
    }

    /**
     * Whether a refusal of {@code kind} at {@code now} is recorded: if so, how many of its kind were left out
     * since the last one recorded; empty when this one is left out (and counted).
     */
    OptionalLong admit(String kind, Instant now) {
        if (windows.size() >= MAX_KINDS) {
            windows.clear();
        }
        long[] recordedAfter = {-1};
        windows.compute(kind, (k, current) -> {
            if (current == null || !now.isBefore(current.start().plus(window))) {
                recordedAfter[0] = current == null ? 0 : current.suppressed();
                return new Window(now, 0);
            }
            return new Window(current.start(), current.suppressed() + 1);
        });
        return recordedAfter[0] < 0 ? OptionalLong.empty() : OptionalLong.of(recordedAfter[0]);
    }
}
