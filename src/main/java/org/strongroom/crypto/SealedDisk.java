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
 * or by the platform key. Format 1, big-endian:
 * <pre>
 *   header: "SRSD" | 0x01 | wrapping (1 = RSA-OAEP-256 under a key vault key, 2 = platform seal)
 *           | key id length (2) | key id (UTF-8: the key version's kid, or the platform key id)
 *           | wrapped key length (2) | wrapped data key | disk size (8) | block size (4) | file id (16, random)
 *   then for block i = 0, 1, ...: nonce (12, random) | ciphertext (the block; the last may be shorter) | tag (16)
 * </pre>
 * Associated data of block i: {@code "strongroom-sealed-disk-v1" 0x00 | SHA-256(header) | i (8)}: a block
 * opens only in its place in its own file, and any change to the header (another key id, another size)
 * fails every block. A platform-sealed data key uses the context {@code sealed-disk/{file id, hex}}.
 */
public final class SealedDisk {

    public static final int NONCE = 12;
    public static final int TAG = 16;

    private static final byte[] MAGIC = "SRSD".getBytes(StandardCharsets.US_ASCII);
    private static final byte FORMAT = 1;
    private static final byte[] DOMAIN = "strongroom-sealed-disk-v1\0".getBytes(StandardCharsets.US_ASCII);
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

    /** The header of a sealed disk: everything needed to find and unwrap its key, and its geometry. */
    public record Header(Wrapping wrapping, String keyId, byte[] wrappedKey, long size, int blockSize, byte[] fileId) {

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

        public byte[] encode() {
            byte[] key = keyId.getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(MAGIC.length + 2 + 2 + key.length + 2 + wrappedKey.length + 8 + 4 + 16)
                    .put(MAGIC).put(FORMAT).put((byte) wrapping.code)
                    .putShort((short) key.length).put(key)
                    .putShort((short) wrappedKey.length).put(wrappedKey)
                    .putLong(size).putInt(blockSize).put(fileId)
                    .array();
        }

        /** Reads a header; {@link IntegrityException} when the bytes are not one. */
        public static Header read(InputStream in) throws IOException {
            DataInputStream data = new DataInputStream(in);
            try {
                byte[] magic = data.readNBytes(MAGIC.length);
                if (!Arrays.equals(magic, MAGIC) || data.readUnsignedByte() != FORMAT) {
                    throw new IntegrityException("Not a format-1 Strongroom sealed disk");
                }
                Wrapping wrapping = Wrapping.of(data.readUnsignedByte());
                String keyId = new String(exactly(data, data.readUnsignedShort()), StandardCharsets.UTF_8);
                byte[] wrappedKey = exactly(data, data.readUnsignedShort());
                long size = data.readLong();
                int blockSize = data.readInt();
                byte[] fileId = exactly(data, 16);
                if (size < 0 || blockSize <= 0 || blockSize > MAX_BLOCK) {
                    throw new IntegrityException("Implausible geometry in a sealed disk header");
                }
                return new Header(wrapping, keyId, wrappedKey, size, blockSize, fileId);
            } catch (EOFException e) {
                throw new IntegrityException("The sealed disk ends inside its header");
            }
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
            this.headerHash = sha256(encoded);
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
                cipher.updateAAD(aad(headerHash, index));
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
        byte[] headerHash = sha256(header.encode());
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
            try {
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, sealed, 0, NONCE));
                cipher.updateAAD(aad(headerHash, i));
                out.write(cipher.doFinal(sealed, NONCE, sealed.length - NONCE));
            } catch (AEADBadTagException e) {
                throw new IntegrityException("Block " + i + " of the sealed disk failed authentication "
                        + "(altered, moved, or another key)");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Opening a sealed disk failed", e);
            }
            remaining -= length;
        }
        if (in.read() != -1) {
            throw new IntegrityException("Bytes after the last block of the sealed disk");
        }
    }

    private static byte[] aad(byte[] headerHash, long index) {
        return ByteBuffer.allocate(DOMAIN.length + headerHash.length + 8).put(DOMAIN).put(headerHash).putLong(index).array();
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
