package org.strongroom.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Time as Strongroom records it. */
public final class Timestamps {

    private Timestamps() {
    }

    /**
     * Now, at the precision the databases keep (microseconds), so that a time reads the same in the
     * answer that created a record and in every later one.
     */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
