package org.strongroom.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Links records into a tamper-evident chain: each record's link covers the previous record's link and
 * all of its own fields, so changing, removing or reordering any record breaks every later link.
 *
 * <p>Format: HMAC-SHA-256 under the chain key (or, for chains from before chain keys, plain SHA-256)
 * over, for the previous link and then each field in order, a 4-byte big-endian length followed by the
 * UTF-8 bytes ({@code null} is length -1). Lower-case hex. With the key, whoever can write the records
 * (the database) still cannot write links that hold: that needs the key, which lies with the platform key.
 */
public final class HashChain {

    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    /** The unkeyed link of chains from before chain keys: SHA-256. */
    public static String link(String previousHash, List<String> fields) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            feed(sha256::update, previousHash, fields);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** The keyed link: HMAC-SHA-256 under {@code key}. */
    public static String link(KeyMaterial key, String previousHash, List<String> fields) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
            feed(hmac::update, previousHash, fields);
            return HexFormat.of().formatHex(hmac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
        }
    }

    private static void feed(Consumer<byte[]> sink, String previousHash, List<String> fields) {
        update(sink, previousHash);
        for (String field : fields) {
            update(sink, field);
        }
    }

    private static void update(Consumer<byte[]> sink, String field) {
        if (field == null) {
            sink.accept(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        sink.accept(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sink.accept(bytes);
    }
}
