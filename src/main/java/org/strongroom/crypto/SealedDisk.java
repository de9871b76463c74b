package org.strongroom.crypto;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A restored disk image written sealed (SPEC 15): a fresh data key per file encrypts the image block by
 * block with AES-256-GCM, and that key is stored wrapped — by a disk encryption set's key (RSA-OAEP-256)
 * or by the platform key. Format 2 (written since December 2026), big-endian:
 * <pre>
 *   geometry (64): "SRSD" | 0x02 | 0 0 0 | disk size (8) | block size (4) | file id (16, random) | zeros (28)
 *   key slot 0 (2016), key slot 1 (2016): generation (8; 0 = empty) | wrapping (1 = RSA-OAEP-256 under a key
 *           vault key, 2 = platform seal) | key id length (2) | key id (UTF-8) | wrapped key length (2) | wrapped
 *           data key | zeros | SHA-256 of the slot's bytes before it (32)
 *   then from offset 4096, for block i = 0, 1, ...: nonce (12, random) | ciphertext | tag (16)
 * </pre>
 * Associated data of block i: {@code "strongroom-sealed-disk-v2" 0x00 | SHA-256(geometry) | i (8)}: a block
 * opens only in its place in its own file, and a changed geometry fails every block. The wrapping is not bound
 * into the blocks, so the disk key can be wrapped anew — into the free slot, with the next generation, after
 * which the old slot is zeroed — without touching a block ({@link Header#rewrapped}); the slot with the highest
 * generation whose checksum holds is the one in force, so a write torn by a crash leaves the other in force.
 * A wrong wrapped key yields a wrong disk key, which fails the first block.
 *
 * <p>Format 1 (read only): {@code "SRSD" | 0x01 | wrapping | key id length (2) | key id | wrapped key length (2)
 * | wrapped key | disk size (8) | block size (4) | file id (16)}, then the blocks, with associated data
 * {@code "strongroom-sealed-disk-v1" 0x00 | SHA-256(header) | i}. A platform-sealed data key uses the context
 * {@code sealed-disk/{file id, hex}} in both.
 */
public final class SealedDisk {

    public static final int NONCE = 12;
    public static final int TAG = 16;

    /** The geometry's length, and where key slot 0 begins. */
    public static final int GEOMETRY = 64;
    /** A key slot's length. */
    public static final int SLOT = 2016;
    /** Where the blocks of a format-2 disk begin. */
    public static final int HEADER_2 = GEOMETRY + 2 * SLOT;

    private static final byte[] MAGIC = "SRSD".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DOMAIN_1 = "strongroom-sealed-disk-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DOMAIN_2 = "strongroom-sealed-disk-v2\0".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_BLOCK = 64 * 1024 * 1024;

    private SealedDisk() {
    }

    /** How the file's data key is wrapped. */
    public enum Wrapping {
        /** RSA-OAEP-256 under a key vault key version (a disk encryption set's key); key id = its kid. */
        KEY_VAULT(1),
        /** The platform seal (docs/format.md); key id = the platform key id. */
        PLATFORM(2);

        private final int code;

        Wrapping(int code) {
            this.code = code;
        }

        static Wrapping of(int code) {
            for (Wrapping wrapping : values()) {
                if (wrapping.code == code) {
                    return wrapping;
                }
            }
            throw new IntegrityException("Unknown key wrapping " + code + " in a sealed disk");
        }
    }

    /**
     * The header of a sealed disk: everything needed to find and unwrap its key, and its geometry; for format 2
     * also the key slot in force and its generation.
     */
    public record Header(int format, Wrapping wrapping, String keyId, byte[] wrappedKey, long size, int blockSize,
                         byte[] fileId, int slot, long generation) {

        /** A new format-2 header, its key in slot 0, generation 1. */
        public Header(Wrapping wrapping, String keyId, byte[] wrappedKey, long size, int blockSize, byte[] fileId) {
            this(2, wrapping, keyId, wrappedKey, size, blockSize, fileId, 0, 1);
        }

        /** A file id for a new sealed disk, random. */
        public static byte[] newFileId() {
            byte[] id = new byte[16];
            new SecureRandom().nextBytes(id);
            return id;
        }

        /** The platform seal context of a data key of this file id. */
        public static String platformContext(byte[] fileId) {
            return "sealed-disk/" + HexFormat.of().formatHex(fileId);
        }

        /**
         * The same disk key wrapped anew (format 2): in the other slot, with the next generation. Write
         * {@link #slotBytes()} at {@link #slotOffset()}, then zero the old slot.
         */
        public Header rewrapped(Wrapping by, String newKeyId, byte[] newWrappedKey) {
            if (format != 2) {
                throw new IllegalStateException("A format-1 sealed disk binds its wrapped key into every block: it cannot "
                        + "be wrapped anew without sealing it again");
            }
            return new Header(2, by, newKeyId, newWrappedKey, size, blockSize, fileId, 1 - slot, generation + 1);
        }

        /** The header as written before the blocks. */
        public byte[] encode() {
            if (format == 1) {
                byte[] key = keyId.getBytes(StandardCharsets.UTF_8);
                return ByteBuffer.allocate(MAGIC.length + 2 + 2 + key.length + 2 + wrappedKey.length + 8 + 4 + 16)
                        .put(MAGIC).put((byte) 1).put((byte) wrapping.code)
                        .putShort((short) key.length).put(key)
                        .putShort((short) wrappedKey.length).put(wrappedKey)
                        .putLong(size).putInt(blockSize).put(fileId)
                        .array();
            }
            return ByteBuffer.allocate(HEADER_2).put(geometry()).position(slotOffset()).put(slotBytes()).array();
        }

        /** Where this header's key slot lies in the file (format 2). */
        public int slotOffset() {
            return GEOMETRY + slot * SLOT;
        }

        /** This header's key slot, with its checksum (format 2). */
        public byte[] slotBytes() {
            byte[] key = keyId.getBytes(StandardCharsets.UTF_8);
            int used = 8 + 1 + 2 + key.length + 2 + wrappedKey.length;
            if (used > SLOT - 32) {
                throw new IllegalArgumentException("A key id and wrapped key of " + used + " bytes do not fit a key slot");
            }
            ByteBuffer slotBuffer = ByteBuffer.allocate(SLOT).putLong(generation).put((byte) wrapping.code)
                    .putShort((short) key.length).put(key).putShort((short) wrappedKey.length).put(wrappedKey);
            byte[] bytes = slotBuffer.array();
            System.arraycopy(sha256(Arrays.copyOf(bytes, SLOT - 32)), 0, bytes, SLOT - 32, 32);
            return bytes;
        }

        private byte[] geometry() {
            return ByteBuffer.allocate(GEOMETRY).put(MAGIC).put((byte) 2).put(new byte[3]).putLong(size).putInt(blockSize)
                    .put(fileId).array();
        }

        /** What every block's associated data binds: the whole header in format 1, the geometry in format 2. */
        private byte[] authenticated() {
            return format == 1 ? encode() : geometry();
        }

        /** Reads a header; {@link IntegrityException} when the bytes are not one. */
        public static Header read(InputStream in) throws IOException {
            DataInputStream data = new DataInputStream(in);
            try {
                byte[] magic = data.readNBytes(MAGIC.length);
                if (!Arrays.equals(magic, MAGIC)) {
                    throw new IntegrityException("Not a Strongroom sealed disk");
                }
                int format = data.readUnsignedByte();
                if (format == 1) {
                    Wrapping wrapping = Wrapping.of(data.readUnsignedByte());
                    String keyId = new String(exactly(data, data.readUnsignedShort()), StandardCharsets.UTF_8);
                    byte[] wrappedKey = exactly(data, data.readUnsignedShort());
                    return checked(new Header(1, wrapping, keyId, wrappedKey, data.readLong(), data.readInt(), exactly(data, 16), 0, 0));
                }
                if (format != 2) {
                    throw new IntegrityException("Sealed disk format " + format + " is not known");
                }
                ByteBuffer rest = ByteBuffer.wrap(exactly(data, HEADER_2 - MAGIC.length - 1));
                rest.position(3);
                long size = rest.getLong();
                int blockSize = rest.getInt();
                byte[] fileId = new byte[16];
                rest.get(fileId);
                Header inForce = null;
                for (int slot = 0; slot < 2; slot++) {
                    Header candidate = slot(rest, GEOMETRY - MAGIC.length - 1 + slot * SLOT, size, blockSize, fileId, slot);
                    if (candidate != null && (inForce == null || candidate.generation() > inForce.generation())) {
                        inForce = candidate;
                    }
                }
                if (inForce == null) {
                    throw new IntegrityException("The sealed disk has no intact key slot");
                }
                return checked(inForce);
            } catch (EOFException e) {
                throw new IntegrityException("The sealed disk ends inside its header");
            }
        }

        /** The key slot at {@code offset} of {@code rest}, or null when it is empty or does not check out. */
        private static Header slot(ByteBuffer rest, int offset, long size, int blockSize, byte[] fileId, int slot) {
            byte[] bytes = new byte[SLOT];
            rest.get(offset, bytes);
            if (!MessageDigest.isEqual(sha256(Arrays.copyOf(bytes, SLOT - 32)), Arrays.copyOfRange(bytes, SLOT - 32, SLOT))) {
                return null;
            }
            ByteBuffer in = ByteBuffer.wrap(bytes);
            long generation = in.getLong();
            if (generation <= 0) {
                return null;
            }
            try {
                Wrapping wrapping = Wrapping.of(in.get() & 0xff);
                byte[] key = new byte[in.getShort() & 0xffff];
                in.get(key);
                byte[] wrapped = new byte[in.getShort() & 0xffff];
                in.get(wrapped);
                return new Header(2, wrapping, new String(key, StandardCharsets.UTF_8), wrapped, size, blockSize, fileId, slot,
                        generation);
            } catch (java.nio.BufferUnderflowException | IntegrityException e) {
                return null;
            }
        }

        private static Header checked(Header header) {
            if (header.size() < 0 || header.blockSize() <= 0 || header.blockSize() > MAX_BLOCK) {
                throw new IntegrityException("Implausible geometry in a sealed disk header");
            }
            return header;
        }

        long blocks() {
            return (size + blockSize - 1) / blockSize;
        }
    }

    /** Writes a sealed disk: the header, then every block in order. Not thread-safe. */
    public static final class Writer {

        private final OutputStream out;
        private final Header header;
        private final byte[] headerHash;
        private final SecretKey key;
        private final Cipher cipher;
        private final SecureRandom random = new SecureRandom();
        private long index;
        private long written;

        /** Starts a sealed disk on {@code out} with {@code dataKey}, the key {@code header} holds wrapped. */
        public Writer(OutputStream out, Header header, KeyMaterial dataKey) throws IOException {
            this.out = out;
            this.header = header;
            byte[] encoded = header.encode();
            this.headerHash = sha256(header.authenticated());
            this.key = dataKey.asAesKey();
            this.cipher = gcm();
            out.write(encoded);
        }

        /** Seals the next block: {@code length} bytes, the block size except for the last block. */
        public void write(byte[] block, int length) throws IOException {
            long expected = Math.min(header.blockSize(), header.size() - written);
            if (length != expected) {
                throw new IllegalArgumentException("Block " + index + " must be " + expected + " bytes, not " + length);
            }
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            try {
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce));
                cipher.updateAAD(aad(header.format(), headerHash, index));
                out.write(nonce);
                out.write(cipher.doFinal(block, 0, length));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Sealing a disk block failed", e);
            }
            index++;
            written += length;
        }

        /** Checks that every block was written. */
        public void finish() throws IOException {
            if (written != header.size()) {
                throw new IllegalStateException("A sealed disk of " + header.size() + " bytes got " + written);
            }
            out.flush();
        }
    }

    /**
     * Opens a sealed disk whose header was already read from {@code in}: decrypts and authenticates every
     * block into {@code out}. {@link IntegrityException} on a wrong key, a changed or moved block, or a
     * truncated file.
     */
    public static void open(InputStream in, Header header, KeyMaterial dataKey, OutputStream out) throws IOException {
        byte[] headerHash = sha256(header.authenticated());
        Cipher cipher = gcm();
        SecretKey key = dataKey.asAesKey();
        DataInputStream data = new DataInputStream(in);
        long remaining = header.size();
        for (long i = 0; i < header.blocks(); i++) {
            int length = (int) Math.min(header.blockSize(), remaining);
            byte[] sealed;
            try {
                sealed = exactly(data, NONCE + length + TAG);
            } catch (EOFException e) {
                throw new IntegrityException("The sealed disk is truncated in block " + i);
            }
            out.write(openBlock(cipher, key, header.format(), headerHash, i, sealed, "Block " + i + " of the sealed disk "
                    + "failed authentication (altered, moved, or another key)"));
            remaining -= length;
        }
        if (in.read() != -1) {
            throw new IntegrityException("Bytes after the last block of the sealed disk");
        }
    }

    /**
     * Checks that {@code dataKey} is this disk's key by authenticating its first block alone (O(1) in the
     * disk's size); {@code in} is positioned after the header. {@link IntegrityException} otherwise.
     */
    public static void checkKey(InputStream in, Header header, KeyMaterial dataKey) throws IOException {
        if (header.size() == 0) {
            return;
        }
        int length = (int) Math.min(header.blockSize(), header.size());
        byte[] sealed;
        try {
            sealed = exactly(new DataInputStream(in), NONCE + length + TAG);
        } catch (EOFException e) {
            throw new IntegrityException("The sealed disk is truncated in block 0");
        }
        openBlock(gcm(), dataKey.asAesKey(), header.format(), sha256(header.authenticated()), 0, sealed,
                "The sealed disk's key does not open its first block (a wrapped key that was altered or belongs to another disk)");
    }

    /** Block {@code index} decrypted and authenticated; {@link IntegrityException} with {@code refusal} otherwise. */
    private static byte[] openBlock(Cipher cipher, SecretKey key, int format, byte[] headerHash, long index, byte[] sealed,
                                    String refusal) {
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, sealed, 0, NONCE));
            cipher.updateAAD(aad(format, headerHash, index));
            return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (AEADBadTagException e) {
            throw new IntegrityException(refusal);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Opening a sealed disk failed", e);
        }
    }

    private static byte[] aad(int format, byte[] headerHash, long index) {
        byte[] domain = format == 1 ? DOMAIN_1 : DOMAIN_2;
        return ByteBuffer.allocate(domain.length + headerHash.length + 8).put(domain).put(headerHash).putLong(index).array();
    }

    private static byte[] exactly(DataInputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static Cipher gcm() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }
}
