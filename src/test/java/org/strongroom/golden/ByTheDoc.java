package org.strongroom.golden;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * docs/format.md, implemented a second time with nothing but the JDK: no Strongroom class. The golden
 * vectors are written with it and read with it, so that the doc — which offline recovery relies on —
 * and Strongroom's codecs are held to the same bytes. Whoever changes the format changes the doc, this
 * class and the vectors together.
 */
public final class ByTheDoc {

    public static final int NONCE = 12;
    public static final int TAG = 16;

    private ByTheDoc() {
    }

    // --- Key hierarchy: HKDF is RFC 5869 with an empty salt -------------------------------------------------

    public static byte[] hkdf(byte[] secret, String info, int length) {
        // An empty salt is HashLen zero bytes (RFC 5869, 2.2).
        byte[] prk = hmac(new byte[32], secret);
        ByteArrayOutputStream okm = new ByteArrayOutputStream();
        byte[] previous = new byte[0];
        for (int counter = 1; okm.size() < length; counter++) {
            previous = hmac(prk, concat(previous, info.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) counter}));
            okm.writeBytes(previous);
        }
        return java.util.Arrays.copyOf(okm.toByteArray(), length);
    }

    public static byte[] chunkKey(byte[] vdk) {
        return hkdf(vdk, "strongroom/chunk-encryption", 32);
    }

    public static byte[] idKey(byte[] vdk) {
        return hkdf(vdk, "strongroom/chunk-id", 32);
    }

    public static byte[] manifestKey(byte[] vdk) {
        return hkdf(vdk, "strongroom/manifest", 32);
    }

    /** A key derived from the platform master key #1 for {@code context}. */
    public static byte[] platformDerived(byte[] platformKey, String context) {
        return hkdf(platformKey, "strongroom-platform-derived/" + context, 32);
    }

    public static byte[] infrastructureKey(byte[] platformKey, String vault) {
        return platformDerived(platformKey, "infrastructure-encryption/" + vault);
    }

    // --- Chunk blobs ------------------------------------------------------------------------------------------

    public static byte[] chunkId(byte[] vdk, byte[] plaintext) {
        return hmac(idKey(vdk), plaintext);
    }

    private static byte[] chunkAad(String vault, byte[] chunkId, byte[] header) {
        return concat(ascii("strongroom-chunk-v1"), new byte[1], utf8(vault), new byte[1], chunkId, header);
    }

    /** A layer of blob format 1 (what stores written before compression hold). */
    public static byte[] sealChunkLayer(byte[] key, int flags, String vault, byte[] chunkId, byte[] nonce, byte[] plaintext) {
        return sealChunkLayer(key, 1, flags, vault, chunkId, nonce, plaintext);
    }

    /** A layer of blob format {@code format}; flags {@code 0x01} (format 2 only): the content is a zstd frame. */
    public static byte[] sealChunkLayer(byte[] key, int format, int flags, String vault, byte[] chunkId, byte[] nonce,
                                        byte[] content) {
        byte[] header = ByteBuffer.allocate(6).put((byte) format).put((byte) flags).putInt(1).array();
        return concat(header, nonce, gcmSeal(key, nonce, chunkAad(vault, chunkId, header), content));
    }

    public static byte[] openChunkLayer(byte[] key, int flags, String vault, byte[] chunkId, byte[] blob) {
        require((blob[0] == 1 && flags != 1 || blob[0] == 2) && blob[1] == flags, "chunk blob header");
        require(ByteBuffer.wrap(blob, 2, 4).getInt() == 1, "key epoch 1");
        byte[] header = java.util.Arrays.copyOfRange(blob, 0, 6);
        byte[] nonce = java.util.Arrays.copyOfRange(blob, 6, 18);
        return gcmOpen(key, nonce, chunkAad(vault, chunkId, header), java.util.Arrays.copyOfRange(blob, 18, blob.length));
    }

    /**
     * Opens a stored blob of format 1 or 2: the infrastructure layer first when {@code infrastructureKey} is
     * given; a data layer with flags {@code 0x01} holds a zstd frame (RFC 8878) that states its content size.
     */
    public static byte[] openChunk(byte[] vdk, byte[] infrastructureKey, String vault, byte[] chunkId, byte[] blob) {
        byte[] inner = infrastructureKey == null ? blob : openChunkLayer(infrastructureKey, 2, vault, chunkId, blob);
        boolean compressed = inner[1] == 1;
        byte[] content = openChunkLayer(chunkKey(vdk), compressed ? 1 : 0, vault, chunkId, inner);
        byte[] plaintext = compressed ? zstdDecompress(content) : content;
        require(MessageDigest.isEqual(chunkId(vdk, plaintext), chunkId), "the plaintext's HMAC equals the chunk id");
        return plaintext;
    }

    public static byte[] zstdCompress(byte[] plaintext) {
        return com.github.luben.zstd.Zstd.compress(plaintext, 3);
    }

    public static byte[] zstdDecompress(byte[] frame) {
        long size = com.github.luben.zstd.Zstd.getFrameContentSize(frame);
        require(size >= 0, "the zstd frame states its content size");
        return com.github.luben.zstd.Zstd.decompress(frame, (int) size);
    }

    // --- Manifests --------------------------------------------------------------------------------------------

    private static byte[] manifestAad(String vault, String item, String recoveryPointId, int format, int flags) {
        return concat(ascii("strongroom-manifest-v1"), new byte[1], utf8(vault + "\0" + item + "\0" + recoveryPointId),
                new byte[] {(byte) format, (byte) flags});
    }

    /** A manifest layer of format 1 (what stores written before compression hold). */
    public static byte[] sealManifestLayer(byte[] key, int flags, String vault, String item, String point,
                                           byte[] nonce, byte[] plaintext) {
        return concat(new byte[] {1, (byte) flags}, nonce, gcmSeal(key, nonce, manifestAad(vault, item, point, 1, flags), plaintext));
    }

    /** Opens a sealed manifest of format 1 or 2 (an inner layer with flags 0x01 holds a zstd frame). */
    public static byte[] openManifest(byte[] vdk, byte[] infrastructureKey, String vault, String item, String point,
                                      byte[] sealed) {
        byte[] inner = infrastructureKey == null ? sealed : openManifestLayer(infrastructureKey, 2, vault, item, point, sealed);
        boolean compressed = inner[0] == 2 && inner[1] == 1;
        byte[] content = openManifestLayer(manifestKey(vdk), compressed ? 1 : 0, vault, item, point, inner);
        return compressed ? zstdDecompress(content) : content;
    }

    private static byte[] openManifestLayer(byte[] key, int flags, String vault, String item, String point, byte[] sealed) {
        require((sealed[0] == 1 && flags != 1 || sealed[0] == 2) && sealed[1] == flags, "manifest header");
        return gcmOpen(key, java.util.Arrays.copyOfRange(sealed, 2, 14), manifestAad(vault, item, point, sealed[0], flags),
                java.util.Arrays.copyOfRange(sealed, 14, sealed.length));
    }

    /** A chunk ref of a manifest's plaintext. */
    public record Ref(byte[] chunkId, java.util.UUID pack, long offset, int storedLength, int plainLength) {

        void write(DataOutputStream out) throws IOException {
            out.write(chunkId);
            out.writeLong(pack.getMostSignificantBits());
            out.writeLong(pack.getLeastSignificantBits());
            out.writeLong(offset);
            out.writeInt(storedLength);
            out.writeInt(plainLength);
        }

        static Ref read(DataInputStream in) throws IOException {
            byte[] id = in.readNBytes(32);
            return new Ref(id, new java.util.UUID(in.readLong(), in.readLong()), in.readLong(), in.readInt(), in.readInt());
        }
    }

    /** An entry of a Files manifest: type 1 directory, 2 file, 3 symlink. */
    public record Entry(int type, String path, int mode, long mtime, String linkTarget, long size, long ctime, long inode,
                        List<Ref> chunks) {
    }

    /** A manifest's plaintext as the doc lays it out; {@code blocks} holds {@code null} for an all-zero block. */
    public record ManifestText(int kind, String vault, String item, String point, long created, List<Entry> entries,
                               long diskSize, long diskMtime, long diskCtime, long diskInode, int blockSize, List<Ref> blocks) {

        public byte[] encode() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.write(ascii("SRMF"));
                out.writeByte(1);
                out.writeByte(kind);
                string(out, vault);
                string(out, item);
                string(out, point);
                out.writeLong(created);
                if (kind == 1) {
                    out.writeInt(entries.size());
                    for (Entry entry : entries) {
                        out.writeByte(entry.type());
                        string(out, entry.path());
                        out.writeInt(entry.mode());
                        out.writeLong(entry.mtime());
                        if (entry.type() == 3) {
                            string(out, entry.linkTarget());
                        } else if (entry.type() == 2) {
                            out.writeLong(entry.size());
                            out.writeLong(entry.ctime());
                            out.writeLong(entry.inode());
                            out.writeInt(entry.chunks().size());
                            for (Ref ref : entry.chunks()) {
                                ref.write(out);
                            }
                        }
                    }
                } else {
                    out.writeLong(diskSize);
                    out.writeLong(diskMtime);
                    out.writeLong(diskCtime);
                    out.writeLong(diskInode);
                    out.writeInt(blockSize);
                    out.writeInt(blocks.size());
                    for (Ref block : blocks) {
                        if (block == null) {
                            out.writeByte(0);
                        } else {
                            out.writeByte(1);
                            block.write(out);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        public static ManifestText decode(byte[] plaintext) {
            try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(plaintext))) {
                require(java.util.Arrays.equals(in.readNBytes(4), ascii("SRMF")) && in.readUnsignedByte() == 1, "SRMF version 1");
                int kind = in.readUnsignedByte();
                String vault = string(in);
                String item = string(in);
                String point = string(in);
                long created = in.readLong();
                List<Entry> entries = new java.util.ArrayList<>();
                List<Ref> blocks = new java.util.ArrayList<>();
                long size = 0;
                long mtime = 0;
                long ctime = 0;
                long inode = 0;
                int blockSize = 0;
                if (kind == 1) {
                    for (int count = in.readInt(), i = 0; i < count; i++) {
                        int type = in.readUnsignedByte();
                        String path = string(in);
                        int mode = in.readInt();
                        long entryMtime = in.readLong();
                        if (type == 3) {
                            entries.add(new Entry(type, path, mode, entryMtime, string(in), 0, 0, 0, List.of()));
                        } else if (type == 2) {
                            long fileSize = in.readLong();
                            long fileCtime = in.readLong();
                            long fileInode = in.readLong();
                            List<Ref> refs = new java.util.ArrayList<>();
                            for (int chunks = in.readInt(), c = 0; c < chunks; c++) {
                                refs.add(Ref.read(in));
                            }
                            entries.add(new Entry(type, path, mode, entryMtime, null, fileSize, fileCtime, fileInode, refs));
                        } else {
                            entries.add(new Entry(type, path, mode, entryMtime, null, 0, 0, 0, List.of()));
                        }
                    }
                } else {
                    size = in.readLong();
                    mtime = in.readLong();
                    ctime = in.readLong();
                    inode = in.readLong();
                    blockSize = in.readInt();
                    for (int count = in.readInt(), i = 0; i < count; i++) {
                        blocks.add(in.readUnsignedByte() == 0 ? null : Ref.read(in));
                    }
                }
                require(in.read() == -1, "nothing after the manifest");
                return new ManifestText(kind, vault, item, point, created, entries, size, mtime, ctime, inode, blockSize, blocks);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void string(DataOutputStream out, String value) throws IOException {
            byte[] bytes = utf8(value);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        private static String string(DataInputStream in) throws IOException {
            return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
        }
    }

    // --- Platform seal ----------------------------------------------------------------------------------------

    private static byte[] platformSealAad(String context) {
        return concat(ascii("strongroom-platform-seal-v1"), new byte[1], utf8(context));
    }

    public static byte[] platformSeal(byte[] platformKey, String keyId, byte[] nonce, String context, byte[] plaintext) {
        byte[] id = ascii(keyId);
        return concat(new byte[] {1, (byte) id.length}, id, nonce, gcmSeal(platformKey, nonce, platformSealAad(context), plaintext));
    }

    public static byte[] platformOpen(byte[] platformKey, String expectedKeyId, String context, byte[] sealed) {
        require(sealed[0] == 1, "platform seal format 1");
        int idLength = sealed[1] & 0xff;
        require(new String(sealed, 2, idLength, StandardCharsets.US_ASCII).equals(expectedKeyId), "key id " + expectedKeyId);
        byte[] nonce = java.util.Arrays.copyOfRange(sealed, 2 + idLength, 14 + idLength);
        return gcmOpen(platformKey, nonce, platformSealAad(context), java.util.Arrays.copyOfRange(sealed, 14 + idLength, sealed.length));
    }

    // --- Sealed disks -----------------------------------------------------------------------------------------

    /** The header of a sealed disk; wrapping 1 = RSA-OAEP-256, 2 = platform seal. */
    public static byte[] sealedDiskHeader(int wrapping, String keyId, byte[] wrappedKey, long size, int blockSize, byte[] fileId) {
        byte[] id = utf8(keyId);
        return ByteBuffer.allocate(4 + 1 + 1 + 2 + id.length + 2 + wrappedKey.length + 8 + 4 + 16)
                .put(ascii("SRSD")).put((byte) 1).put((byte) wrapping)
                .putShort((short) id.length).put(id).putShort((short) wrappedKey.length).put(wrappedKey)
                .putLong(size).putInt(blockSize).put(fileId).array();
    }

    public static byte[] sealedDiskBlockAad(int format, byte[] authenticated, long index) {
        return concat(ascii("strongroom-sealed-disk-v" + format), new byte[1], sha256(authenticated),
                ByteBuffer.allocate(8).putLong(index).array());
    }

    /** A sealed disk read by the doc: its header fields (format 2: of the key slot in force) and the opened image. */
    public record OpenedDisk(int wrapping, String keyId, byte[] wrappedKey, long size, int blockSize, byte[] fileId, byte[] image) {
    }

    public static OpenedDisk openSealedDisk(byte[] file, java.util.function.Function<byte[], byte[]> unwrap) {
        ByteBuffer in = ByteBuffer.wrap(file);
        byte[] magic = new byte[4];
        in.get(magic);
        require(java.util.Arrays.equals(magic, ascii("SRSD")), "SRSD");
        int format = in.get();
        require(format == 1 || format == 2, "format 1 or 2");
        int wrapping;
        byte[] keyId;
        byte[] wrapped;
        long size;
        int blockSize;
        byte[] fileId = new byte[16];
        byte[] authenticated;
        if (format == 1) {
            wrapping = in.get();
            keyId = new byte[in.getShort() & 0xffff];
            in.get(keyId);
            wrapped = new byte[in.getShort() & 0xffff];
            in.get(wrapped);
            size = in.getLong();
            blockSize = in.getInt();
            in.get(fileId);
            authenticated = java.util.Arrays.copyOf(file, in.position());
        } else {
            in.position(8);
            size = in.getLong();
            blockSize = in.getInt();
            in.get(fileId);
            authenticated = java.util.Arrays.copyOf(file, 64);
            ByteBuffer inForce = null;
            long generation = 0;
            for (int slot = 0; slot < 2; slot++) {
                byte[] bytes = java.util.Arrays.copyOfRange(file, 64 + slot * 2016, 64 + (slot + 1) * 2016);
                boolean intact = java.util.Arrays.equals(sha256(java.util.Arrays.copyOf(bytes, 2016 - 32)),
                        java.util.Arrays.copyOfRange(bytes, 2016 - 32, 2016));
                long g = ByteBuffer.wrap(bytes).getLong();
                if (intact && g > generation) {
                    generation = g;
                    inForce = ByteBuffer.wrap(bytes, 8, 2016 - 8);
                }
            }
            require(inForce != null, "an intact key slot");
            wrapping = inForce.get();
            keyId = new byte[inForce.getShort() & 0xffff];
            inForce.get(keyId);
            wrapped = new byte[inForce.getShort() & 0xffff];
            inForce.get(wrapped);
            in.position(4096);
        }
        byte[] diskKey = unwrap.apply(wrapped);
        ByteArrayOutputStream image = new ByteArrayOutputStream();
        for (long index = 0; image.size() < size; index++) {
            int length = (int) Math.min(blockSize, size - image.size());
            byte[] nonce = new byte[NONCE];
            in.get(nonce);
            byte[] sealed = new byte[length + TAG];
            in.get(sealed);
            image.writeBytes(gcmOpen(diskKey, nonce, sealedDiskBlockAad(format, authenticated, index), sealed));
        }
        require(!in.hasRemaining(), "nothing after the last block");
        return new OpenedDisk(wrapping, new String(keyId, StandardCharsets.UTF_8), wrapped, size, blockSize, fileId, image.toByteArray());
    }

    // --- Activity log chain -----------------------------------------------------------------------------------

    /** hash = hex HMAC-SHA-256(chain key, F(previous) ‖ F(field)...), F(null) = 0xFFFFFFFF. */
    public static String activityLink(byte[] chainKey, String previous, List<String> fields) {
        return HexFormat.of().formatHex(hmac(chainKey, linkInput(previous, fields)));
    }

    /** The link of chains from before chain keys: plain SHA-256 of the same input. */
    public static String unkeyedActivityLink(String previous, List<String> fields) {
        return HexFormat.of().formatHex(sha256(linkInput(previous, fields)));
    }

    private static byte[] linkInput(String previous, List<String> fields) {
        List<String> all = new java.util.ArrayList<>();
        all.add(previous);
        all.addAll(fields);
        return framed(all);
    }

    public static byte[] framed(List<String> fields) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        fields.forEach(field -> framed(input, field));
        return input.toByteArray();
    }

    private static void framed(ByteArrayOutputStream out, String field) {
        if (field == null) {
            out.writeBytes(new byte[] {-1, -1, -1, -1});
            return;
        }
        byte[] bytes = utf8(field);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    // --- RSA-OAEP-256: SHA-256, MGF1-SHA-256, empty label ----------------------------------------------------

    private static final OAEPParameterSpec OAEP_256 =
            new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

    public static byte[] rsaOaep256Wrap(PublicKey key, byte[] secret) {
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, OAEP_256);
            return cipher.doFinal(secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] rsaOaep256Unwrap(PrivateKey key, byte[] wrapped) {
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, OAEP_256);
            return cipher.doFinal(wrapped);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#8 PEM private key ("-----BEGIN PRIVATE KEY-----"). */
    public static PrivateKey pemPrivateKey(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- Primitives -------------------------------------------------------------------------------------------

    public static byte[] gcmSeal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        return gcm(Cipher.ENCRYPT_MODE, key, nonce, aad, plaintext);
    }

    public static byte[] gcmOpen(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertextAndTag) {
        return gcm(Cipher.DECRYPT_MODE, key, nonce, aad, ciphertextAndTag);
    }

    private static byte[] gcm(int mode, byte[] key, byte[] nonce, byte[] aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG * 8, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed: " + e, e);
        }
    }

    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void require(boolean holds, String what) {
        if (!holds) {
            throw new IllegalStateException("Not as docs/format.md says: " + what);
        }
    }
}
