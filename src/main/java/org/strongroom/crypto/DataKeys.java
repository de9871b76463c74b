package org.strongroom.crypto;

import java.security.SecureRandom;

/** Fresh AES-256 data keys: a vault's data key (VDK), a sealed disk's file key. */
public final class DataKeys {

    public static final int LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private DataKeys() {
    }

    /** 32 random bytes from the system's strong source; close the result when done. */
    public static KeyMaterial generate() {
        byte[] key = new byte[LENGTH];
        RANDOM.nextBytes(key);
        return KeyMaterial.wrap(key);
    }
}
