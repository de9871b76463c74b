package org.strongroom.crypto;

import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;

/**
 * Computes chunk ids and seals and opens chunk blobs for one vault. Not thread-safe: one per worker
 * thread ({@link VaultDataKey#newSealer()}).
 *
 * <p>Chunk id: HMAC-SHA-256 of the plaintext under the vault's id key (32 bytes): equal plaintexts in one
 * vault get equal ids (deduplication), and ids reveal nothing to anyone without the vault data key.
 *
 * <p>Blob, format 2 (written; format 1, the same without compression, is still read):
 * <pre>
 *   0x02 | flags | key epoch (4 bytes, big-endian) | nonce (12) | ciphertext | tag (16)
 *   flags: 0x00 data layer, the plaintext as it is; 0x01 data layer, the plaintext compressed (one zstd
 *          frame that states its content size); 0x02 infrastructure layer
 * </pre>
 * AES-256-GCM under the vault's chunk key with a random nonce; associated data
 * {@code "strongroom-chunk-v1" 0x00 | vault (UTF-8) 0x00 | chunk id | the 6 header bytes}. With the
 * infrastructure layer the whole inner blob is sealed again in the same format under the infrastructure
 * key (flags 0x02 on the outer header), with the same associated data.
 *
 * <p>A chunk is compressed (zstd, level {@link #COMPRESSION_LEVEL}) before it is encrypted when that saves
 * at least 1/32 of it. Samples are tried first, so that incompressible data (already compressed or
 * encrypted files, media) costs a few per cent of one compression instead of a whole one. The chunk id
 * is always the HMAC of the plaintext, so compressed and uncompressed blobs of one chunk deduplicate alike.
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

    /** No chunk is longer (FastCDC's maximum is 4 MiB, a disk block 1 MiB): a bound for decompression. */
    public static final int MAX_CHUNK = 16 * 1024 * 1024;
    /**
     * zstd's default level, the one restic's "auto" compression approximates. Measured on 64 MiB of
     * log-like text in 1 MiB chunks on the bench machine: level 1 225 MB/s to 25.1 %, level 3 204 MB/s to
     * 24.1 %; random data at 2.5 to 2.8 GB/s either way (and only the samples are tried on it).
     */
    static final int COMPRESSION_LEVEL = 3;
    /** Chunks shorter than this are stored as they are: the zstd frame header would eat the saving. */
    private static final int MIN_COMPRESSED = 512;
    /** Up to four samples of this size decide whether a longer chunk is worth compressing. */
    private static final int SAMPLE = 16 * 1024;

    /** Frees the zstd contexts of sealers no longer used. */
    private static final Cleaner NATIVE_MEMORY = Cleaner.create();

    private static final byte FORMAT_1 = 1;
    private static final byte FORMAT = 2;
    private static final byte INNER = 0;
    private static final byte COMPRESSED = 1;
    private static final byte OUTER = 2;
    private static final byte[] DOMAIN = "strongroom-chunk-v1\0".getBytes(StandardCharsets.US_ASCII);

    private final byte[] vault;
    private final int epoch;
    private final SecretKey chunkKey;
    private final SecretKey infrastructureKey;
    private final Mac idMac;
    private final Cipher cipher;
    private final SecureRandom random = new SecureRandom();
    /** Compressed chunks and samples, grown to the largest bound needed. */
    private byte[] compressed = new byte[0];
    /**
     * zstd's compression context (native memory), made at the first compression and reused: making one per
     * chunk cost more than compressing the samples. Freed when the sealer is collected.
     */
    private ZstdCompressCtx zstd;
    /** zstd's decompression context, the same way. */
    private ZstdDecompressCtx unzstd;

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

    /**
     * The largest blob {@link #seal} makes from {@code plaintextLength} bytes: the blob of a chunk stored
     * uncompressed (a compressed one is shorter).
     */
    public int blobLength(int plaintextLength) {
        return plaintextLength + OVERHEAD + (infrastructureKey == null ? 0 : OVERHEAD);
    }

    /** Seals a chunk into {@code out} at {@code outOffset}, compressed where that pays; returns the blob length. */
    public int seal(byte[] chunkId, byte[] plaintext, int offset, int length, byte[] out, int outOffset) {
        int compressedLength = compress(plaintext, offset, length);
        boolean compress = compressedLength >= 0;
        byte flags = compress ? COMPRESSED : INNER;
        byte[] content = compress ? compressed : plaintext;
        int contentOffset = compress ? 0 : offset;
        int contentLength = compress ? compressedLength : length;
        if (infrastructureKey == null) {
            return sealLayer(chunkKey, flags, chunkId, content, contentOffset, contentLength, out, outOffset);
        }
        byte[] inner = new byte[contentLength + OVERHEAD];
        sealLayer(chunkKey, flags, chunkId, content, contentOffset, contentLength, inner, 0);
        return sealLayer(infrastructureKey, OUTER, chunkId, inner, 0, inner.length, out, outOffset);
    }

    /** Opens a blob of chunk {@code chunkId} (format 1 or 2); checks that the plaintext has that id. */
    public byte[] open(byte[] chunkId, byte[] blob) {
        byte[] inner = blob;
        if (infrastructureKey != null) {
            inner = openLayer(infrastructureKey, OUTER, chunkId, blob);
        } else if (blob.length > 1 && blob[1] == OUTER) {
            throw new IntegrityException("Chunk " + hex(chunkId) + " has an infrastructure layer this vault does not expect");
        }
        boolean zstdFrame = inner.length > 1 && inner[0] == FORMAT && inner[1] == COMPRESSED;
        byte[] content = openLayer(chunkKey, zstdFrame ? COMPRESSED : INNER, chunkId, inner);
        byte[] plaintext = zstdFrame ? decompress(chunkId, content) : content;
        if (!MessageDigest.isEqual(chunkId, chunkId(plaintext, 0, plaintext.length))) {
            throw new IntegrityException("Chunk " + hex(chunkId) + " decrypts to data with another id");
        }
        return plaintext;
    }

    /**
     * Compresses the chunk into {@link #compressed}; answers its length, or -1 when the chunk is stored as
     * it is (short, or the samples or the whole do not shrink enough).
     */
    private int compress(byte[] plaintext, int offset, int length) {
        if (length < MIN_COMPRESSED || length > MAX_CHUNK || !samplesShrink(plaintext, offset, length)) {
            return -1;
        }
        int written = zstd(plaintext, offset, length);
        return written <= length - length / 32 ? written : -1;
    }

    /** Whether four samples spread over a long chunk shrink by 1/16 together (a short chunk is tried whole). */
    private boolean samplesShrink(byte[] plaintext, int offset, int length) {
        if (length <= 4 * SAMPLE) {
            return true;
        }
        long sampled = 0;
        long written = 0;
        for (int i = 0; i < 4; i++) {
            int at = offset + (int) ((long) (length - SAMPLE) * i / 3);
            written += zstd(plaintext, at, SAMPLE);
            sampled += SAMPLE;
        }
        return written <= sampled - sampled / 16;
    }

    private int zstd(byte[] in, int offset, int length) {
        int bound = (int) Zstd.compressBound(length);
        if (compressed.length < bound) {
            compressed = new byte[Math.max(bound, (int) Zstd.compressBound(SAMPLE))];
        }
        if (zstd == null) {
            ZstdCompressCtx context = new ZstdCompressCtx().setLevel(COMPRESSION_LEVEL).setContentSize(true);
            NATIVE_MEMORY.register(this, context::close);
            zstd = context;
        }
        return zstd.compressByteArray(compressed, 0, compressed.length, in, offset, length);
    }

    /** The plaintext of a chunk's authenticated zstd frame, at most {@link #MAX_CHUNK} bytes. */
    private byte[] decompress(byte[] chunkId, byte[] frame) {
        if (unzstd == null) {
            ZstdDecompressCtx context = new ZstdDecompressCtx();
            NATIVE_MEMORY.register(this, context::close);
            unzstd = context;
        }
        return ZstdFrames.decompress(unzstd, frame, MAX_CHUNK, "Chunk " + hex(chunkId));
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
        boolean known = blob[0] == FORMAT || (blob[0] == FORMAT_1 && flags != COMPRESSED);
        if (!known || blob[1] != flags) {
            throw new IntegrityException("Chunk " + hex(chunkId) + " has an unknown header");
        }
        byte[] header = Arrays.copyOf(blob, HEADER);
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
