package org.strongroom.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Password hashing for Strongroom's users: bcrypt in modular crypt format ({@code $2a$10$...}), the
 * format WildFly Elytron's {@code modular-crypt-mapper} reads too.
 *
 * <p>Security guarantees: a stored hash reveals nothing faster than a bcrypt guess (cost {@value #COST},
 * about 2^10 Blowfish key schedules) per candidate; each hash has its own random 128-bit salt.
 */
public final class Passwords {

    /** bcrypt uses at most this many bytes of a password; longer ones are refused rather than cut. */
    public static final int MAX_BYTES = 72;
    public static final int MIN_LENGTH = 8;

    private static final int COST = 10;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** Why a password cannot be used, or {@code null} if it can. */
    public static String weakness(char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            return "must have at least " + MIN_LENGTH + " characters";
        }
        if (new String(password).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "must not exceed " + MAX_BYTES + " bytes in UTF-8";
        }
        return null;
    }

    public static String hash(char[] password) {
        String weakness = weakness(password);
        if (weakness != null) {
            throw new IllegalArgumentException("password " + weakness);
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2a", password, salt, COST);
    }

    public static boolean matches(char[] password, String hash) {
        if (password == null || hash == null || password.length == 0
                || new String(password).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        try {
            return OpenBSDBCrypt.checkPassword(hash, password);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** A random password of {@code length} characters, without look-alike characters (0/O, 1/l/I). */
    public static char[] generate(int length) {
        char[] password = new char[length];
        for (int i = 0; i < length; i++) {
            password[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return password;
    }
}
