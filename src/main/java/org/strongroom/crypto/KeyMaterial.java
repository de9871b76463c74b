package org.strongroom.crypto;

import java.util.Arrays;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Raw secret key bytes — a data key, an unwrapped vault key, a private key's encoding — held in the one
 * type that can be found by searching the code for it, and zeroed by {@link #close()}.
 *
 * <p>Use in try-with-resources. Never log it, never put it in an exception message, never keep it in
 * a field longer than the operation that needs it. {@link #toString()} reveals only the length.
 */
public final class KeyMaterial implements AutoCloseable {

    private final byte[] bytes;
    private boolean destroyed;

    private KeyMaterial(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes ownership of {@code bytes}: the caller must not use or zero the array afterwards. */
    public static KeyMaterial wrap(byte[] bytes) {
        return new KeyMaterial(bytes);
    }

    /** A copy of {@code bytes}; the caller keeps (and should zero) its own array. */
    public static KeyMaterial copyOf(byte[] bytes) {
        return new KeyMaterial(bytes.clone());
    }

    /** The bytes themselves (not a copy): valid until {@link #close()}. */
    public byte[] bytes() {
        if (destroyed) {
            throw new IllegalStateException("key material already destroyed");
        }
        return bytes;
    }

    public int length() {
        return bytes.length;
    }

    /** An AES key over these bytes; the JDK copies them, so zeroing does not reach that copy. */
    public SecretKey asAesKey() {
        return new SecretKeySpec(bytes(), "AES");
    }

    @Override
    public void close() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + bytes.length + " bytes]";
    }
}
