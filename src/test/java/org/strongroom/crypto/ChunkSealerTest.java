package org.strongroom.crypto;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Chunk blobs and manifests: each opens only to its plaintext, for its chunk id, vault and point, under its data
 * key; flips, truncation, swaps and layer changes fail; nonces are fresh.
 */
class ChunkSealerTest {

    private static final byte[] DATA = "the plaintext of one chunk, long enough to matter".getBytes(StandardCharsets.UTF_8);

    private static VaultDataKey keys(String vault, boolean infrastructure) {
        try (KeyMaterial vdk = KeyMaterial.wrap(new byte[32])) {
            vdk.bytes()[0] = 7;
            return VaultDataKey.of(vault, vdk, infrastructure ? KeyMaterial.wrap(new byte[32]) : null);
        }
    }

    private static byte[] seal(ChunkSealer sealer, byte[] id, byte[] data) {
        byte[] blob = new byte[sealer.blobLength(data.length)];
        int length = sealer.seal(id, data, 0, data.length, blob, 0);
        return Arrays.copyOf(blob, length);
    }

    @Test
    void sealedChunk_opensToItsPlaintext_withAndWithoutInfrastructureLayer() {
        for (boolean infrastructure : new boolean[] {false, true}) {
            ChunkSealer sealer = keys("v1", infrastructure).newSealer();
            byte[] id = sealer.chunkId(DATA, 0, DATA.length);
            byte[] blob = seal(sealer, id, DATA);
            assertEquals(sealer.blobLength(DATA.length), blob.length);
            assertArrayEquals(DATA, sealer.open(id, blob));
        }
    }

    /** Text-like data: words from a small vocabulary, as in logs and documents. */
    private static byte[] text(int length, long seed) {
        String[] words = {"backup ", "vault ", "key ", "restore ", "chunk ", "the ", "of ", "2026-12-02 ", "INFO ", "\n"};
        java.util.Random random = new java.util.Random(seed);
        StringBuilder text = new StringBuilder(length + 16);
        while (text.length() < length) {
            text.append(words[random.nextInt(words.length)]);
        }
        return Arrays.copyOf(text.toString().getBytes(StandardCharsets.US_ASCII), length);
    }

    private static byte[] random(int length, long seed) {
        byte[] data = new byte[length];
        new java.util.Random(seed).nextBytes(data);
        return data;
    }

    @Test
    void compressibleChunk_isSealedCompressedInFormat2_andOpensToItsPlaintext() {
        byte[] plaintext = text(1024 * 1024, 1);
        for (boolean infrastructure : new boolean[] {false, true}) {
            ChunkSealer sealer = keys("v1", infrastructure).newSealer();
            byte[] id = sealer.chunkId(plaintext, 0, plaintext.length);
            byte[] blob = seal(sealer, id, plaintext);
            assertTrue(blob.length < plaintext.length / 2, "compressed to " + blob.length + " bytes");
            assertEquals(2, blob[0], "format 2");
            assertEquals(infrastructure ? 2 : 1, blob[1], "the data layer says it holds a zstd frame");
            assertArrayEquals(plaintext, sealer.open(id, blob));
        }
    }

    @Test
    void incompressibleChunk_isSealedAsItIs() {
        byte[] plaintext = random(1024 * 1024, 2);
        ChunkSealer sealer = keys("v1", false).newSealer();
        byte[] id = sealer.chunkId(plaintext, 0, plaintext.length);
        byte[] blob = seal(sealer, id, plaintext);
        assertEquals(sealer.blobLength(plaintext.length), blob.length);
        assertEquals(2, blob[0]);
        assertEquals(0, blob[1], "flags 0x00: the plaintext as it is");
        assertArrayEquals(plaintext, sealer.open(id, blob));
    }

    @Test
    void chunkWhoseSamplesDoNotShrink_isSealedAsItIs_evenWithACompressibleMiddle() {
        byte[] plaintext = random(1024 * 1024, 3);
        byte[] middle = text(64 * 1024, 4);
        System.arraycopy(middle, 0, plaintext, 100 * 1024, middle.length);
        ChunkSealer sealer = keys("v1", false).newSealer();
        byte[] id = sealer.chunkId(plaintext, 0, plaintext.length);
        byte[] blob = seal(sealer, id, plaintext);
        assertEquals(0, blob[1], "samples at 0, 1/3, 2/3 and the end see random bytes only");
        assertArrayEquals(plaintext, sealer.open(id, blob));
    }

    @Test
    void compressedChunk_whoseFormatByteSaysFormat1_fails() {
        byte[] plaintext = text(100_000, 5);
        ChunkSealer sealer = keys("v1", false).newSealer();
        byte[] id = sealer.chunkId(plaintext, 0, plaintext.length);
        byte[] blob = seal(sealer, id, plaintext);
        blob[0] = 1;
        IntegrityException refused = assertThrows(IntegrityException.class, () -> sealer.open(id, blob));
        assertTrue(refused.getMessage().contains("unknown header"), refused.getMessage());
    }

    @Test
    void chunkId_isKeyedByTheVaultDataKey() {
        byte[] id = keys("v1", false).newSealer().chunkId(DATA, 0, DATA.length);
        try (KeyMaterial other = KeyMaterial.wrap(new byte[32])) {
            byte[] otherId = VaultDataKey.of("v1", other, null).newSealer().chunkId(DATA, 0, DATA.length);
            assertFalse(Arrays.equals(id, otherId));
        }
        assertEquals(32, id.length);
    }

    @Test
    void flippedBitInChunk_fails() {
        ChunkSealer sealer = keys("v1", false).newSealer();
        byte[] id = sealer.chunkId(DATA, 0, DATA.length);
        byte[] blob = seal(sealer, id, DATA);
        for (int position : new int[] {0, 3, ChunkSealer.HEADER + 1, blob.length / 2, blob.length - 1}) {
            byte[] tampered = blob.clone();
            tampered[position] ^= 1;
            assertThrows(IntegrityException.class, () -> sealer.open(id, tampered), "bit at " + position);
        }
    }

    @Test
    void truncatedChunk_fails() {
        ChunkSealer sealer = keys("v1", true).newSealer();
        byte[] id = sealer.chunkId(DATA, 0, DATA.length);
        byte[] blob = seal(sealer, id, DATA);
        assertThrows(IntegrityException.class, () -> sealer.open(id, Arrays.copyOf(blob, blob.length - 1)));
        assertThrows(IntegrityException.class, () -> sealer.open(id, Arrays.copyOf(blob, 10)));
    }

    @Test
    void chunkSwappedWithAnotherChunk_fails() {
        ChunkSealer sealer = keys("v1", false).newSealer();
        byte[] other = "another chunk of the same vault, quite as long".getBytes(StandardCharsets.UTF_8);
        byte[] id = sealer.chunkId(DATA, 0, DATA.length);
        byte[] otherId = sealer.chunkId(other, 0, other.length);
        byte[] otherBlob = seal(sealer, otherId, other);
        assertThrows(IntegrityException.class, () -> sealer.open(id, otherBlob));
    }

    @Test
    void chunkOfAnotherVault_fails() {
        ChunkSealer mine = keys("v1", false).newSealer();
        ChunkSealer theirs = keys("v2", false).newSealer();
        byte[] id = theirs.chunkId(DATA, 0, DATA.length);
        byte[] blob = seal(theirs, id, DATA);
        assertThrows(IntegrityException.class, () -> mine.open(id, blob));
    }

    @Test
    void missingOrUnexpectedInfrastructureLayer_fails() {
        ChunkSealer plain = keys("v1", false).newSealer();
        ChunkSealer layered = keys("v1", true).newSealer();
        byte[] id = plain.chunkId(DATA, 0, DATA.length);
        assertThrows(IntegrityException.class, () -> plain.open(id, seal(layered, id, DATA)));
        assertThrows(IntegrityException.class, () -> layered.open(id, seal(plain, id, DATA)));
    }

    @Test
    void manifest_opensOnlyForItsRecoveryPoint_andDetectsEdits() {
        VaultDataKey keys = keys("v1", true);
        byte[] manifest = "manifest bytes".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = keys.sealManifest(manifest, "files1", "rp-1");
        assertArrayEquals(manifest, keys.openManifest(sealed, "files1", "rp-1"));
        assertThrows(IntegrityException.class, () -> keys.openManifest(sealed, "files1", "rp-2"));
        assertThrows(IntegrityException.class, () -> keys.openManifest(sealed, "files2", "rp-1"));
        byte[] edited = sealed.clone();
        edited[edited.length - 20] ^= 0x40;
        assertThrows(IntegrityException.class, () -> keys.openManifest(edited, "files1", "rp-1"));
    }

    @Test
    void manifest_isSealedCompressedInFormat2_withAndWithoutInfrastructureLayer() {
        byte[] manifest = text(500_000, 6);
        for (boolean infrastructure : new boolean[] {false, true}) {
            VaultDataKey keys = keys("v1", infrastructure);
            byte[] sealed = keys.sealManifest(manifest, "files1", "rp-1");
            assertTrue(sealed.length < manifest.length / 2, "compressed to " + sealed.length + " bytes");
            assertEquals(2, sealed[0], "manifest format 2");
            assertEquals(infrastructure ? 2 : 1, sealed[1], "the inner layer says it holds a zstd frame");
            assertArrayEquals(manifest, keys.openManifest(sealed, "files1", "rp-1"));
            byte[] downgraded = sealed.clone();
            downgraded[0] = 1;
            assertThrows(IntegrityException.class, () -> keys.openManifest(downgraded, "files1", "rp-1"));
        }
    }

    @Test
    void chunkAndManifest_underAnotherDataKeyOfTheSameVault_fail() {
        try (VaultDataKey right = keys("v1", false);
             KeyMaterial otherVdk = DataKeys.generate();
             VaultDataKey wrong = VaultDataKey.of("v1", otherVdk, null)) {
            ChunkSealer sealer = right.newSealer();
            byte[] id = sealer.chunkId(DATA, 0, DATA.length);
            byte[] blob = seal(sealer, id, DATA);
            assertThrows(IntegrityException.class, () -> wrong.newSealer().open(id, blob));
            byte[] manifest = right.sealManifest(DATA, "item", "point");
            assertThrows(IntegrityException.class, () -> wrong.openManifest(manifest, "item", "point"));
        }
    }

    @Test
    void sealingTheSameChunkTwice_usesAFreshNonce() {
        ChunkSealer sealer = keys("v1", true).newSealer();
        byte[] id = sealer.chunkId(DATA, 0, DATA.length);
        byte[] first = seal(sealer, id, DATA);
        byte[] second = seal(sealer, id, DATA);
        assertFalse(Arrays.equals(Arrays.copyOfRange(first, ChunkSealer.HEADER, ChunkSealer.HEADER + ChunkSealer.NONCE),
                Arrays.copyOfRange(second, ChunkSealer.HEADER, ChunkSealer.HEADER + ChunkSealer.NONCE)));
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void emptyAndLargeChunks_sealedAtAnOffset_openToTheirPlaintext() {
        byte[] large = new byte[100_000];
        new java.util.Random(5).nextBytes(large);
        for (boolean infrastructure : new boolean[] {false, true}) {
            ChunkSealer sealer = keys("v1", infrastructure).newSealer();
            for (byte[] plaintext : new byte[][] {new byte[0], large}) {
                byte[] input = new byte[plaintext.length + 9];
                System.arraycopy(plaintext, 0, input, 9, plaintext.length);
                byte[] id = sealer.chunkId(input, 9, plaintext.length);
                byte[] out = new byte[sealer.blobLength(plaintext.length) + 7];
                int length = sealer.seal(id, input, 9, plaintext.length, out, 7);
                assertEquals(sealer.blobLength(plaintext.length), length);
                assertArrayEquals(plaintext, sealer.open(id, Arrays.copyOfRange(out, 7, 7 + length)));
            }
        }
    }

    @Test
    void blobTooShortForAHeader_isRefusedAsTruncated_namingTheChunk() {
        ChunkSealer sealer = keys("v1", false).newSealer();
        byte[] id = sealer.chunkId(DATA, 0, DATA.length);
        for (int length : new int[] {0, 1, ChunkSealer.OVERHEAD - 1}) {
            IntegrityException refused = assertThrows(IntegrityException.class, () -> sealer.open(id, new byte[length]));
            assertTrue(refused.getMessage().contains(java.util.HexFormat.of().formatHex(id, 0, 8)), refused.getMessage());
        }
    }

    @Test
    void manifest_sealedTwice_differs_andEmptyOnesOpen() {
        VaultDataKey keys = keys("v1", true);
        byte[] first = keys.sealManifest(DATA, "item", "point");
        assertFalse(Arrays.equals(first, keys.sealManifest(DATA, "item", "point")), "a fresh nonce each time");
        assertArrayEquals(new byte[0], keys.openManifest(keys.sealManifest(new byte[0], "item", "point"), "item", "point"));
        VaultDataKey plain = keys("v1", false);
        assertArrayEquals(new byte[0], plain.openManifest(plain.sealManifest(new byte[0], "item", "point"), "item", "point"));
        assertThrows(IntegrityException.class, () -> plain.openManifest(new byte[1], "item", "point"));
        IntegrityException layered = assertThrows(IntegrityException.class, () -> plain.openManifest(first, "item", "point"));
        assertTrue(layered.getMessage().contains("infrastructure layer"), layered.getMessage());
    }

    @Test
    void closedKeys_areZeroed_andUsableNoMore() {
        VaultDataKey keys = keys("v1", true);
        keys.close();
        assertTrue(Arrays.stream(keys.chunkBoundaryTable()).allMatch(word -> word == 0), "the gear table is zeroed");
        assertThrows(IllegalStateException.class, keys::newSealer);
        assertThrows(IllegalStateException.class, () -> keys.sealManifest(DATA, "item", "point"));
        VaultDataKey withoutLayer = keys("v1", false);
        withoutLayer.close();
        assertThrows(IllegalStateException.class, () -> withoutLayer.sealManifest(DATA, "item", "point"));
    }
}
