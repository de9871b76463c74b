package org.strongroom.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed fingerprints of (user name, password) pairs, so that credentials already verified can be
 * recognised again without keeping the password or paying for bcrypt on every request.
 *
 * <p>Security guarantees: HMAC-SHA-256 under a random key that exists only in this object's memory;
 * a fingerprint cannot be tested against guesses by anyone who does not hold that key.
 */
public final class CredentialFingerprints {

    private final SecretKeySpec key;

    public CredentialFingerprints() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        key = new SecretKeySpec(bytes, "HmacSHA256");
        Arrays.fill(bytes, (byte) 0);
    }

    public String of(String name, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            ByteBuffer secret = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            mac.update(secret);
            if (secret.hasArray()) {
                Arrays.fill(secret.array(), (byte) 0);
            }
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
