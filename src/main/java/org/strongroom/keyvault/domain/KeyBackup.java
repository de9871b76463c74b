package org.strongroom.keyvault.domain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a key backup holds (Azure Key Vault's Backup Key): a key's name and every version of it, private
 * key included, with its operations, attributes and tags. Its encoding is binary, so that the private keys
 * never pass through a string and the buffer can be wiped; it leaves Strongroom only sealed by the platform
 * key ({@code keyvault.app.KeyBackups}), so only a Strongroom with that key can restore it.
 *
 * <pre>
 * "SRKB" u8 format(1) utf name u16 count { utf versionId, bytes n, bytes e, bytes pkcs8, utf keyOps (comma-separated),
 *   u8 enabled(0 absent, 1 false, 2 true), time nbf, time exp, u16 tags { utf name, utf value } }
 * bytes: u32 length + bytes; time: u8 present + i64 epoch seconds
 * </pre>
 */
public record KeyBackup(String name, List<Version> versions) {

    private static final byte[] MAGIC = {'S', 'R', 'K', 'B'};
    private static final int FORMAT = 1;
    private static final int MAX_VERSIONS = 10_000;

    /** One version in a backup. {@code privateKeyPkcs8} is the clear private key: wipe it when done. */
    public record Version(String versionId, BigInteger modulus, BigInteger publicExponent, byte[] privateKeyPkcs8,
                          Set<String> keyOps, Boolean enabled, Instant notBefore, Instant expires, Map<String, String> tags) {

        public KeyAttributes attributes() {
            return new KeyAttributes(enabled, notBefore, expires, tags);
        }
    }

    /** The encoding; the caller seals it and then wipes it. */
    public byte[] encode() {
        WipedBuffer buffer = new WipedBuffer();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(MAGIC);
            out.writeByte(FORMAT);
            out.writeUTF(name);
            out.writeShort(versions.size());
            for (Version v : versions) {
                out.writeUTF(v.versionId());
                bytes(out, v.modulus().toByteArray());
                bytes(out, v.publicExponent().toByteArray());
                bytes(out, v.privateKeyPkcs8());
                out.writeUTF(String.join(",", v.keyOps()));
                out.writeByte(v.enabled() == null ? 0 : v.enabled() ? 2 : 1);
                time(out, v.notBefore());
                time(out, v.expires());
                out.writeShort(v.tags().size());
                for (Map.Entry<String, String> tag : v.tags().entrySet()) {
                    out.writeUTF(tag.getKey());
                    out.writeUTF(tag.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArrayAndWipe();
    }

    /**
     * Reads an encoding.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static KeyBackup decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC) || in.readUnsignedByte() != FORMAT) {
                throw new IllegalArgumentException("not a key backup of this format");
            }
            String name = in.readUTF();
            int count = in.readUnsignedShort();
            if (count == 0 || count > MAX_VERSIONS) {
                throw new IllegalArgumentException("a key backup holds 1 to " + MAX_VERSIONS + " versions, not " + count);
            }
            List<Version> versions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String versionId = in.readUTF();
                BigInteger n = new BigInteger(bytes(in));
                BigInteger e = new BigInteger(bytes(in));
                byte[] pkcs8 = bytes(in);
                String ops = in.readUTF();
                Set<String> keyOps = ops.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(ops.split(",")));
                int enabled = in.readUnsignedByte();
                Instant nbf = time(in);
                Instant exp = time(in);
                Map<String, String> tags = new LinkedHashMap<>();
                int tagCount = in.readUnsignedShort();
                for (int t = 0; t < tagCount; t++) {
                    tags.put(in.readUTF(), in.readUTF());
                }
                versions.add(new Version(versionId, n, e, pkcs8, keyOps, enabled == 0 ? null : enabled == 2, nbf, exp, tags));
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("a key backup has bytes after its last version");
            }
            return new KeyBackup(name, List.copyOf(versions));
        } catch (IOException e) {
            throw new IllegalArgumentException("a key backup is truncated", e);
        }
    }

    /** Zeroes every version's private key. */
    public void wipe() {
        versions.forEach(v -> Arrays.fill(v.privateKeyPkcs8(), (byte) 0));
    }

    private static void bytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 65_536) {
            throw new IllegalArgumentException("a key backup holds a field of " + length + " bytes");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("truncated");
        }
        return bytes;
    }

    private static void time(DataOutputStream out, Instant instant) throws IOException {
        out.writeByte(instant == null ? 0 : 1);
        out.writeLong(instant == null ? 0 : instant.getEpochSecond());
    }

    private static Instant time(DataInputStream in) throws IOException {
        boolean present = in.readUnsignedByte() == 1;
        long seconds = in.readLong();
        return present ? Instant.ofEpochSecond(seconds) : null;
    }

    /** A buffer whose own array is zeroed once its content is copied out. */
    private static final class WipedBuffer extends ByteArrayOutputStream {

        byte[] toByteArrayAndWipe() {
            byte[] copy = toByteArray();
            Arrays.fill(buf, (byte) 0);
            return copy;
        }
    }
}
