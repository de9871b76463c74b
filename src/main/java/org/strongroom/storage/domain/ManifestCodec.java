package org.strongroom.storage.domain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The plaintext format of a manifest (then sealed by {@code VaultDataKey.sealManifest}); byte by byte in
 * docs/format.md. Big-endian; strings are a 4-byte length and UTF-8.
 * <pre>
 *   "SRMF" | version 1 (1 byte) | kind (1 = FILES, 2 = DISK) | vault | item | recovery point id | created (8, ms)
 *   FILES: count (4), then per entry: type (1 = dir, 2 = file, 3 = symlink) | path | mode (4) | mtime (8, ms)
 *          symlink: target;  file: size (8) | ctime (8, ms) | inode (8) | chunk count (4) | chunk refs
 *   DISK:  size (8) | mtime (8) | ctime (8) | inode (8) | block size (4) | block count (4),
 *          then per block: 0 (all zeros) or 1 + chunk ref
 *   chunk ref: id (32) | pack id (16) | offset (8) | stored length (4) | plain length (4)
 * </pre>
 */
public final class ManifestCodec {

    private static final byte[] MAGIC = "SRMF".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int MAX_STRING = 1 << 20;

    private ManifestCodec() {
    }

    public static byte[] encode(Manifest manifest) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeByte(VERSION);
            out.writeByte(manifest.kind() == Manifest.Kind.FILES ? 1 : 2);
            string(out, manifest.vault());
            string(out, manifest.item());
            string(out, manifest.recoveryPointId());
            out.writeLong(manifest.createdMillis());
            if (manifest.kind() == Manifest.Kind.FILES) {
                encodeEntries(out, manifest.entries());
            } else {
                encodeDisk(out, manifest.disk());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void encodeEntries(DataOutputStream out, List<Manifest.Entry> entries) throws IOException {
        out.writeInt(entries.size());
        for (Manifest.Entry entry : entries) {
            out.writeByte(entry.type().ordinal() + 1);
            string(out, entry.path());
            out.writeInt(entry.mode());
            out.writeLong(entry.modifiedMillis());
            if (entry.type() == Manifest.EntryType.SYMLINK) {
                string(out, entry.linkTarget());
            } else if (entry.type() == Manifest.EntryType.FILE) {
                out.writeLong(entry.size());
                out.writeLong(entry.changedMillis());
                out.writeLong(entry.inode());
                out.writeInt(entry.chunks().size());
                for (ChunkRef ref : entry.chunks()) {
                    ref(out, ref);
                }
            }
        }
    }

    private static void encodeDisk(DataOutputStream out, Manifest.Disk disk) throws IOException {
        out.writeLong(disk.size());
        out.writeLong(disk.modifiedMillis());
        out.writeLong(disk.changedMillis());
        out.writeLong(disk.inode());
        out.writeInt(disk.blockSize());
        out.writeInt(disk.blocks().size());
        for (ChunkRef block : disk.blocks()) {
            if (block == null) {
                out.writeByte(0);
            } else {
                out.writeByte(1);
                ref(out, block);
            }
        }
    }

    /** Decodes a manifest; {@link IllegalArgumentException} when the bytes are not one. */
    public static Manifest decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte[] magic = in.readNBytes(4);
            if (!java.util.Arrays.equals(magic, MAGIC) || in.readUnsignedByte() != VERSION) {
                throw new IllegalArgumentException("Not a version-1 Strongroom manifest");
            }
            int kind = in.readUnsignedByte();
            String vault = string(in);
            String item = string(in);
            String recoveryPointId = string(in);
            long created = in.readLong();
            Manifest manifest = switch (kind) {
                case 1 -> new Manifest(Manifest.Kind.FILES, vault, item, recoveryPointId, created, decodeEntries(in), null);
                case 2 -> new Manifest(Manifest.Kind.DISK, vault, item, recoveryPointId, created, List.of(), decodeDisk(in));
                default -> throw new IllegalArgumentException("Unknown manifest kind " + kind);
            };
            requireEnd(in);
            return manifest;
        } catch (EOFException e) {
            throw new IllegalArgumentException("The manifest is truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Manifest.Entry> decodeEntries(DataInputStream in) throws IOException {
        int count = count(in);
        List<Manifest.Entry> entries = new ArrayList<>(presized(count));
        for (int i = 0; i < count; i++) {
            int type = in.readUnsignedByte();
            if (type < 1 || type > 3) {
                throw new IllegalArgumentException("Unknown manifest entry type " + type);
            }
            Manifest.EntryType entryType = Manifest.EntryType.values()[type - 1];
            String path = string(in);
            int mode = in.readInt();
            long mtime = in.readLong();
            String target = null;
            long size = 0;
            long changed = 0;
            long inode = 0;
            List<ChunkRef> chunks = List.of();
            if (entryType == Manifest.EntryType.SYMLINK) {
                target = string(in);
            } else if (entryType == Manifest.EntryType.FILE) {
                size = in.readLong();
                changed = in.readLong();
                inode = in.readLong();
                int refs = count(in);
                chunks = new ArrayList<>(presized(refs));
                for (int r = 0; r < refs; r++) {
                    chunks.add(ref(in));
                }
            }
            entries.add(new Manifest.Entry(entryType, path, mode, mtime, changed, inode, size, target, chunks));
        }
        return entries;
    }

    private static Manifest.Disk decodeDisk(DataInputStream in) throws IOException {
        long size = in.readLong();
        long mtime = in.readLong();
        long ctime = in.readLong();
        long inode = in.readLong();
        int blockSize = in.readInt();
        int count = count(in);
        List<ChunkRef> blocks = new ArrayList<>(presized(count));
        for (int i = 0; i < count; i++) {
            blocks.add(in.readUnsignedByte() == 0 ? null : ref(in));
        }
        return new Manifest.Disk(size, mtime, ctime, inode, blockSize, blocks);
    }

    private static void ref(DataOutputStream out, ChunkRef ref) throws IOException {
        out.write(ref.id().bytes());
        out.writeLong(ref.pack().getMostSignificantBits());
        out.writeLong(ref.pack().getLeastSignificantBits());
        out.writeLong(ref.offset());
        out.writeInt(ref.storedLength());
        out.writeInt(ref.plainLength());
    }

    private static ChunkRef ref(DataInputStream in) throws IOException {
        byte[] id = in.readNBytes(32);
        if (id.length != 32) {
            throw new EOFException();
        }
        UUID pack = new UUID(in.readLong(), in.readLong());
        return new ChunkRef(new ChunkId(id), pack, in.readLong(), in.readInt(), in.readInt());
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_STRING) {
            throw new IllegalArgumentException("Implausible string length " + length + " in manifest");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The room made before reading a list: what the count says, up to a bound. A count is only a claim
     * until the entries are read: a few bytes claiming 100 million entries must not allocate 400 MB
     * (found by ManifestDecoderFuzzTest).
     */
    private static int presized(int count) {
        return Math.min(count, 4096);
    }

    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 100_000_000) {
            throw new IllegalArgumentException("Implausible count " + count + " in manifest");
        }
        return count;
    }

    private static void requireEnd(DataInputStream in) throws IOException {
        if (in.read() != -1) {
            throw new IllegalArgumentException("Trailing bytes after the manifest");
        }
    }
}
