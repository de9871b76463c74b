package org.strongroom.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Links records into a tamper-evident chain: each record's hash covers the previous record's hash and
 * all of its own fields, so changing, removing or reordering any record breaks every later link.
 *
 * <p>Format: SHA-256 over, for the previous hash and then each field in order, a 4-byte big-endian
 * length followed by the UTF-8 bytes ({@code null} is length -1). Lower-case hex.
 */
public final class HashChain {

    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    public static String link(String previousHash, List<String> fields) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            update(sha256, previousHash);
            for (String field : fields) {
                update(sha256, field);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static void update(MessageDigest digest, String field) {
        if (field == null) {
            digest.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
