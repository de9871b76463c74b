package org.strongroom.support;

import java.util.UUID;

/** Unique resource names, so that every test sets up its own data on the shared server. */
public final class Names {

    private Names() {
    }

    /** {@code prefix} followed by 8 random hex characters. */
    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}
