package org.strongroom.storage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Manifests round-trip; truncated, foreign or trailing bytes and implausible lengths are refused; chunk ids
 * compare by their bytes.
 */
class ManifestCodecTest {

    private static ChunkRef ref(int seed) {
        byte[] id = new byte[32];
        Arrays.fill(id, (byte) seed);
        return new ChunkRef(new ChunkId(id), UUID.randomUUID(), seed * 1000L, 1024 + seed, 1000 + seed);
    }

    @Test
    void filesManifest_roundTrips() {
        Manifest manifest = Manifest.files("v1", "files1", "rp", 1234L, List.of(
                Manifest.Entry.directory("", 0755, 10),
                Manifest.Entry.directory("docs", 0700, 11),
                Manifest.Entry.file("docs/a.txt", 0644, 12, 13, 14, 2001, List.of(ref(1))),
                Manifest.Entry.file("empty", 0600, 15, 16, 17, 0, List.of()),
                Manifest.Entry.symlink("link", 0777, 18, "docs/a.txt")));
        assertEquals(manifest, ManifestCodec.decode(ManifestCodec.encode(manifest)));
    }

    @Test
    void diskManifest_withZeroBlocks_roundTrips() {
        Manifest manifest = Manifest.disk("v1", "disk1", "rp", 1L,
                new Manifest.Disk(3 * 1024 * 1024, 5, 6, 7, 1024 * 1024, Arrays.asList(ref(1), null, ref(2))));
        Manifest decoded = ManifestCodec.decode(ManifestCodec.encode(manifest));
        assertEquals(manifest.disk().blocks(), decoded.disk().blocks());
        assertEquals(manifest, decoded);
    }

    @Test
    void truncatedOrForeignBytes_areRefused() {
        byte[] bytes = ManifestCodec.encode(Manifest.files("v1", "i", "rp", 1L, List.of(Manifest.Entry.directory("", 0755, 1))));
        assertThrows(IllegalArgumentException.class, () -> ManifestCodec.decode(Arrays.copyOf(bytes, bytes.length - 3)));
        assertThrows(IllegalArgumentException.class, () -> ManifestCodec.decode("not a manifest".getBytes()));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(IllegalArgumentException.class, () -> ManifestCodec.decode(longer));
    }

    @Test
    void dataKeyFile_roundTripsAsProperties() {
        WrappedDataKeyFile file = new WrappedDataKeyFile("v1", "https://h/api/keyvaults/kv/keys/k/" + "a".repeat(32),
                WrappedDataKeyFile.RSA_OAEP_256, new byte[] {1, 2, 3}, true);
        WrappedDataKeyFile parsed = WrappedDataKeyFile.parse(file.toText());
        assertEquals(file.wrappedBy(), parsed.wrappedBy());
        assertEquals(file.infrastructureEncryption(), parsed.infrastructureEncryption());
        assertEquals(List.of((byte) 1, (byte) 2, (byte) 3), List.of(parsed.wrappedDataKey()[0], parsed.wrappedDataKey()[1], parsed.wrappedDataKey()[2]));
    }

    @Test
    void diskManifest_withTrailingBytes_isRefused() {
        byte[] bytes = ManifestCodec.encode(Manifest.disk("v1", "disk1", "rp", 1L, new Manifest.Disk(10, 5, 6, 7, 1024,
                Arrays.asList(ref(1)))));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ManifestCodec.decode(Arrays.copyOf(bytes, bytes.length + 1)));
        assertEquals("Trailing bytes after the manifest", refused.getMessage());
    }

    @Test
    void stringsUpToOneMebibyte_andCountsUpToAHundredMillion_areRead_largerOnesRefused() {
        String longest = "p".repeat(1 << 20);
        Manifest manifest = Manifest.files("v1", "i", "rp", 1L, List.of(Manifest.Entry.directory(longest, 0755, 1)));
        assertEquals(longest, ManifestCodec.decode(ManifestCodec.encode(manifest)).entries().get(0).path());
        Manifest tooLong = Manifest.files("v1", "i", "rp", 1L, List.of(Manifest.Entry.directory(longest + "p", 0755, 1)));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ManifestCodec.decode(ManifestCodec.encode(tooLong)));
        assertTrue(refused.getMessage().startsWith("Implausible string length"), refused.getMessage());

        byte[] empty = ManifestCodec.encode(Manifest.files("v1", "i", "rp", 1L, List.of()));
        java.nio.ByteBuffer.wrap(empty).putInt(empty.length - 4, 100_000_000);
        assertEquals("The manifest is truncated",
                assertThrows(IllegalArgumentException.class, () -> ManifestCodec.decode(empty)).getMessage());
        java.nio.ByteBuffer.wrap(empty).putInt(empty.length - 4, 100_000_001);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ManifestCodec.decode(empty)).getMessage()
                .startsWith("Implausible count"));
    }

    @Test
    void chunkIds_areEqualByTheirBytes_andShowAsHex() {
        byte[] bytes = new byte[32];
        bytes[31] = (byte) 0xab;
        ChunkId id = new ChunkId(bytes);
        assertEquals(new ChunkId(bytes.clone()), id);
        assertEquals(new ChunkId(bytes.clone()).hashCode(), id.hashCode());
        assertFalse(id.equals(new ChunkId(new byte[32])));
        assertEquals("00".repeat(31) + "ab", id.toString());
        assertThrows(IllegalArgumentException.class, () -> new ChunkId(new byte[31]));
    }
}
