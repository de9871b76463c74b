package org.strongroom.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes chunk ids and seals and opens chunk blobs for one vault. Not thread-safe: one per worker
 * thread ({@link VaultDataKey#newSealer()}).
 *
 * <p>Chunk id: HMAC-SHA-256 of the plaintext under the vault's id key (32 bytes): equal plaintexts in one
 * vault get equal ids (deduplication), and ids reveal nothing to anyone without the vault data key.
 *
 * <p>Blob, format 1:
 * <pre>
 *   0x01 | flags (0x00 data layer, 0x02 infrastructure layer) | key epoch (4 bytes, big-endian) | nonce (12) | ciphertext | tag (16)
 * </pre>
 * AES-256-GCM under the vault's chunk key with a random nonce; associated data
 * {@code "strongroom-chunk-v1" 0x00 | vault (UTF-8) 0x00 | chunk id | the 6 header bytes}. With the
 * infrastructure layer the whole inner blob is sealed again in the same format under the infrastructure
 * key (flags 0x02 on the outer header), with the same associated data.
 *
 * <p>Security guarantees: a blob opens only under its vault's keys, for its own chunk id: a flipped
 * bit, truncation, or a blob moved to another chunk or vault fails with {@link IntegrityException}; the
 * opened plaintext is checked against its chunk id again.
 */
public final class ChunkSealer {

    public static final int HEADER = 6;
    public static final int NONCE = 12;
    public static final int TAG = 16;
    /** Bytes a blob adds to its plaintext: header, nonce and tag (twice with the infrastructure layer). */
    public static final int OVERHEAD = HEADER + NONCE + TAG;
    public static final int ID_LENGTH = 32;

    /**
     * Plaintext is fed to AES-GCM in slices of this size: the same bytes out, but the JIT compiles the
     * JDK's GCM intrinsics within a second instead of after ~7 s of 1 MiB calls (docs/benchmarks.md).
     */
    private static final int SLICE = 16 * 1024;

    private static final byte FORMAT = 1;
    private static final byte INNER = 0;
    private static final byte OUTER = 2;
    private static final byte[] DOMAIN = "strongroom-chunk-v1\0".getBytes(StandardCharsets.US_ASCII);

    private final byte[] vault;
    private final int epoch;
    private final SecretKey chunkKey;
    private final SecretKey infrastructureKey;
    private final Mac idMac;
    private final Cipher cipher;
    private final SecureRandom random = new SecureRandom();

    ChunkSealer(String vault, int epoch, byte[] chunkKey, byte[] idKey, byte[] infrastructureKey) {
        this.vault = (vault + "\0").getBytes(StandardCharsets.UTF_8);
        this.epoch = epoch;
        this.chunkKey = new SecretKeySpec(chunkKey, "AES");
        this.infrastructureKey = infrastructureKey == null ? null : new SecretKeySpec(infrastructureKey, "AES");
        try {
            this.idMac = Mac.getInstance("HmacSHA256");
            this.idMac.init(new SecretKeySpec(idKey, "HmacSHA256"));
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM or HMAC-SHA-256 unavailable", e);
        }
    }

    /** The chunk id of {@code length} bytes of plaintext at {@code offset}. */
    public byte[] chunkId(byte[] plaintext, int offset, int length) {
        idMac.update(plaintext, offset, length);
        return idMac.doFinal();
    }

    /** The size of the blob {@link #seal} makes from {@code plaintextLength} bytes. */
    public int blobLength(int plaintextLength) {
        return plaintextLength + OVERHEAD + (infrastructureKey == null ? 0 : OVERHEAD);
    }

    /** Seals a chunk into {@code out} at {@code outOffset}; returns the blob length. */
    public int seal(byte[] chunkId, byte[] plaintext, int offset, int length, byte[] out, int outOffset) {
        if (infrastructureKey == null) {
            return sealLayer(chunkKey, INNER, chunkId, plaintext, offset, length, out, outOffset);
        }
        byte[] inner = new byte[length + OVERHEAD];
        sealLayer(chunkKey, INNER, chunkId, plaintext, offset, length, inner, 0);
        return sealLayer(infrastructureKey, OUTER, chunkId, inner, 0, inner.length, out, outOffset);
    }

    /** Opens a blob of chunk {@code chunkId}; checks that the plaintext has that id. */
    public byte[] open(byte[] chunkId, byte[] blob) {
        byte[] inner = blob;
        if (infrastructureKey != null) {
            inner = openLayer(infrastructureKey, OUTER, chunkId, blob);
        } else if (blob.length > 1 && blob[1] == OUTER) {
            throw new IntegrityException("Chunk " + hex(chunkId) + " has an infrastructure layer this vault does not expect");
        }
        byte[] plaintext = openLayer(chunkKey, INNER, chunkId, inner);
        if (!MessageDigest.isEqual(chunkId, chunkId(plaintext, 0, plaintext.length))) {
            throw new IntegrityException("Chunk " + hex(chunkId) + " decrypts to data with another id");
        }
        return plaintext;
    }

    private int sealLayer(SecretKey key, byte flags, byte[] chunkId, byte[] in, int offset, int length,
                          byte[] out, int outOffset) {
        byte[] header = header(flags);
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        System.arraycopy(header, 0, out, outOffset, HEADER);
        System.arraycopy(nonce, 0, out, outOffset + HEADER, NONCE);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce));
            cipher.updateAAD(aad(chunkId, header));
            int at = outOffset + HEADER + NONCE;
            int written = 0;
            int done = 0;
            while (length - done > SLICE) {
                written += cipher.update(in, offset + done, SLICE, out, at + written);
                done += SLICE;
            }
            written += cipher.doFinal(in, offset + done, length - done, out, at + written);
            return HEADER + NONCE + written;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing a chunk failed", e);
        }
    }

    private byte[] openLayer(SecretKey key, byte flags, byte[] chunkId, byte[] blob) {
        if (blob.length < OVERHEAD) {
            throw new IntegrityException("Chunk " + hex(chunkId) + " is truncated (" + blob.length + " bytes)");
        }
        if (blob[0] != FORMAT || blob[1] != flags) {
            throw new IntegrityException("Chunk " + hex(chunkId) + " has an unknown header");
        }
        byte[] header = new byte[HEADER];
        System.arraycopy(blob, 0, header, 0, HEADER);
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, blob, HEADER, NONCE));
            cipher.updateAAD(aad(chunkId, header));
            return cipher.doFinal(blob, HEADER + NONCE, blob.length - HEADER - NONCE);
        } catch (AEADBadTagException e) {
            throw new IntegrityException("Chunk " + hex(chunkId) + " failed authentication (altered, moved or another key)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Opening a chunk failed", e);
        }
    }

    private byte[] header(byte flags) {
        return ByteBuffer.allocate(HEADER).put(FORMAT).put(flags).putInt(epoch).array();
    }

    private byte[] aad(byte[] chunkId, byte[] header) {
        return ByteBuffer.allocate(DOMAIN.length + vault.length + chunkId.length + header.length)
                .put(DOMAIN).put(vault).put(chunkId).put(header).array();
    }

    static String hex(byte[] id) {
        return java.util.HexFormat.of().formatHex(id, 0, Math.min(8, id.length));
    }
}
